// The statistics page's only script: the export buttons ask the extension, which owns the save dialog and the files.
(function () {
  const vscode = acquireVsCodeApi();
  for (const button of document.querySelectorAll('button[data-export]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'export', format: button.dataset.export }));
  }
})();
