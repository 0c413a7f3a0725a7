# Peer figure for the normalize benchmark: NLTK's TreebankWordDetokenizer over a segmented corpus file.
"""Usage: python3 treebank_detokenize.py INPUT OUTPUT

Prints one JSON object: {"nltk": version, "bytes": input size, "lines": n, "seconds": t}.
"""
import json
import sys
import time

from nltk import __version__ as nltk_version
from nltk.tokenize.treebank import TreebankWordDetokenizer

# The detokenizer knows plain punctuation, not the corpus's placeholder digits, so they are turned
# into the marks they most often stand for first; this is the least a user of NLTK would have to do.
PLAIN_MARKS = {"7": ",", "6": '"'}


def main(source, target):
    detokenize = TreebankWordDetokenizer().detokenize
    # The clock starts after the imports, like a long-running NLTK job that has already loaded them,
    # but covers reading and writing the file, as the CLI's figure does.
    started = time.perf_counter()
    size = 0
    lines = 0
    with open(source, "rb") as src, open(target, "w", encoding="utf-8", newline="") as out:
        for raw in src:
            size += len(raw)
            lines += 1
            tokens = [PLAIN_MARKS.get(t, t) for t in raw.decode("utf-8").rstrip("\r\n").split(" ")]
            out.write(detokenize(" ".join(tokens).replace("_", " ").split(" ")))
            out.write("\n")
    seconds = time.perf_counter() - started
    print(json.dumps({"nltk": nltk_version, "bytes": size, "lines": lines, "seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
