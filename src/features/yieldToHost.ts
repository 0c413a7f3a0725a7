// Giving the extension host back its turn in a long pass, in the Node host and in the web worker host alike.

/**
 * Lets the extension host run whatever waits (messages from the workbench, other extensions) and
 * comes back at once. setTimeout(0) waits at least 1 ms in Node and 4 ms in a browser once nested:
 * at one yield per 8 ms slice that was an eighth to a third of a long pass spent waiting for nothing.
 * setImmediate (the Node host) and a message to ourselves (the web worker host) queue behind the
 * pending events without a clamp.
 */
export const yieldToHost: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise<void>((resolve) => setImmediate(resolve))
    : (() => {
        let channel: InstanceType<typeof MessageChannel> | undefined;
        const waiting: Array<() => void> = [];
        return () =>
          new Promise<void>((resolve) => {
            if (!channel) {
              channel = new MessageChannel();
              // Typed as Node's port, whose listener is `on('message')`; the web host's has onmessage (which also starts it).
              (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
            }
            waiting.push(resolve);
            channel.port2.postMessage(undefined);
          });
      })();
