"""Is a Russian law slower to analyse than an English one of the same length?

    python benchmarks/bench_languages.py [RU_FILE [EN_FILE]]

Default: ../shared/corpus/ru-criminal-code-127-1/law.ru.txt against ../shared/corpus/uk-ni-hte-act-2015/law.txt,
the English text repeated (whole lines) until it has as many words as the Russian one.

Prints, for each language, the best of 3 warm runs of
- ``lexcheck.analyze(path)`` (read + annotate + evaluate every requirement of the full profile), and
- the raw pipeline ``lexcheck.nlp.pipeline(lang)(text)``: tokenizer + lexcheck lemmas, with the lemma cache
  hot (as inside one analysis) and cold (every distinct word lemmatised again: pymorphy3 for Russian,
  the lookup table for English),
in seconds and words per second.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lexcheck  # noqa: E402
from lexcheck import nlp  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
RU = CORPUS / "ru-criminal-code-127-1" / "law.ru.txt"
EN = CORPUS / "uk-ni-hte-act-2015" / "law.txt"
RUNS = 3
INNER = 10  # pipeline calls per timed run (one call on ~600 words is a few milliseconds)


def words(text: str) -> int:
    return len(text.split())


def same_length(text: str, target: int) -> str:
    """``text`` repeated, whole lines at a time, until it has ``target`` words (or just over)."""
    lines = text.splitlines()
    out: list[str] = []
    count = 0
    while count < target:
        for line in lines:
            if count >= target:
                break
            out.append(line)
            count += words(line)
    return "\n".join(out) + "\n"


def best(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def clear_lemma_caches() -> None:
    nlp._ru_lemma.cache_clear()
    nlp._en_lemma.cache_clear()


def main(argv: list[str]) -> int:
    ru_path = Path(argv[0]) if argv else RU
    en_source = Path(argv[1]) if len(argv) > 1 else EN
    for p in (ru_path, en_source):
        if not p.exists():
            print(f"not found: {p}", file=sys.stderr)
            return 2
    ru_text = ru_path.read_text(encoding="utf-8")
    en_text = same_length(en_source.read_text(encoding="utf-8"), words(ru_text))
    with tempfile.TemporaryDirectory() as tmp:
        en_path = Path(tmp) / "en-same-length.txt"
        en_path.write_text(en_text, encoding="utf-8")
        rows = []
        for lang, path, text in (("ru", ru_path, ru_text), ("en", en_path, en_text)):
            result = lexcheck.analyze(path)  # warm up: imports, catalogue, pymorphy3 dictionaries, matchers
            detected = result.documents[0].language
            analyse_s = best(lambda path=path: lexcheck.analyze(path))
            pipe = nlp.pipeline(lang)
            pipe(text)
            hot_s = best(lambda pipe=pipe, text=text: [pipe(text) for _ in range(INNER)]) / INNER

            def cold(pipe=pipe, text=text):
                for _ in range(INNER):
                    clear_lemma_caches()
                    pipe(text)

            cold_s = best(cold) / INNER
            rows.append((lang, detected, words(text), analyse_s, hot_s, cold_s))
    print(f"Russian: {ru_path.name} ({words(ru_text)} words); English: {en_source.name} repeated to "
          f"{words(en_text)} words. Best of {RUNS} warm runs.")  # fmt: skip
    header = f"{'lang':<5}{'detected':<10}{'words':>7}{'analyze s':>11}{'analyze w/s':>13}"
    header += f"{'pipeline s':>12}{'pipeline w/s':>14}{'cold-lemma s':>14}{'cold w/s':>11}"
    print(header)
    print("-" * len(header))
    for lang, detected, n, a, h, c in rows:
        print(
            f"{lang:<5}{detected:<10}{n:>7}{a:>11.3f}{n / a:>13,.0f}{h:>12.4f}{n / h:>14,.0f}{c:>14.4f}{n / c:>11,.0f}"
        )
    (_, _, _, ra, rh, rc), (_, _, _, ea, eh, ec) = rows
    print(
        f"ru/en time ratio: analyze {ra / ea:.2f}x, pipeline {rh / eh:.2f}x, cold-lemma pipeline {rc / ec:.2f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
