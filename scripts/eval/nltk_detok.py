"""The peer of the real-text evaluation: NLTK's Treebank detokenizer on placeholder lines (stdin → stdout, line for line)."""
# Giving the peer a fair chance, each choice documented:
# - placeholders become the plain marks the Treebank convention knows: 6 alternates `` / ''
#   (opening / closing quote, numbered within the paragraph), 7 becomes ",", 1 stays "1";
# - "_" becomes a space: a word's syllables form one token, as Treebank tokens may hold spaces;
# - the detokenizer is made for one sentence at a time (it attaches a "." only at the end of its
#   input), so each paragraph is cut after every . ! ? token (plus the closing quotes right after
#   it) and the sentences are detokenized one by one and joined with a space;
# - Treebank writes both quote kinds back as a straight '"'; those are turned into “ ” again,
#   alternating, since the reference uses the scheme's curly pair.
import sys

from nltk.tokenize.treebank import TreebankWordDetokenizer

FINAL = {".", "!", "?"}
OPEN_QUOTE, CLOSE_QUOTE = "``", "''"


def to_treebank_tokens(line):
    tokens, opening = [], True
    for token in line.split():
        if token == "6":
            tokens.append(OPEN_QUOTE if opening else CLOSE_QUOTE)
            opening = not opening
        elif token == "7":
            tokens.append(",")
        else:
            tokens.append(token.replace("_", " "))
    return tokens


def sentences(tokens):
    current = []
    for k, token in enumerate(tokens):
        current.append(token)
        ends = token in FINAL and (k + 1 == len(tokens) or tokens[k + 1] != CLOSE_QUOTE)
        ends = ends or (token == CLOSE_QUOTE and len(current) > 1 and current[-2] in FINAL)
        if ends:
            yield current
            current = []
    if current:
        yield current


def curly_quotes(text):
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def main():
    detokenizer = TreebankWordDetokenizer()
    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8").rstrip("\r\n")
        text = " ".join(detokenizer.detokenize(s) for s in sentences(to_treebank_tokens(line)))
        out.write((curly_quotes(text) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
