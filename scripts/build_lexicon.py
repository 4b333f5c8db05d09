#!/usr/bin/env python3
"""Builds the word lists of the entity extractor into assets/lexicon/.

Run from the repository root (needs python3, node and npm, and network access to PyPI and
npm; nothing is installed system-wide, packages are unpacked into a temporary folder):

    python3 scripts/build_lexicon.py

Sources (pinned; licences in assets/lexicon/LICENSES.md):
  - npm  compromise 14.17.0 (MIT): its lexicon, unpacked by compromise itself, gives given
    names, surnames, honorifics, role nouns, demonyms and common English words;
  - PyPI names 0.3.0 (MIT code; the data are the US Census 1990 name files, public domain):
    frequent given names and surnames;
  - PyPI cleanco 2.3 (MIT): legal suffixes of company names;
  - assets/lexicon/curated/*.txt: lists written for this project (given names of African,
    Arabic, South Asian, East Asian, Latin American and Slavic origin, titles, organisation
    head words, holidays, words that never start a name).
The output files are plain UTF-8, one lower-case entry per line, sorted.
"""

import ast
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

COMPROMISE = "compromise@14.17.0"
NAMES = "names==0.3.0"
CLEANCO = "cleanco==2.3"
# Census names below these ranks are too rare to be worth the false hits they bring.
CENSUS_GIVEN_MAX_RANK = 1500
CENSUS_SURNAME_MAX_RANK = 6000

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "lexicon"
CURATED = OUT / "curated"

DUMP_JS = """
const nlp = require('compromise');
const lex = nlp.model().one.lexicon;
const out = {};
for (const [word, tags] of Object.entries(lex)) {
  out[word] = Array.isArray(tags) ? tags : [tags];
}
process.stdout.write(JSON.stringify(out));
"""


def compromise_lexicon(tmp: Path) -> dict:
    subprocess.run(["npm", "install", "--silent", "--prefix", str(tmp), COMPROMISE], check=True)
    result = subprocess.run(
        ["node", "-e", DUMP_JS], cwd=tmp, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def pip_download(tmp: Path, spec: str) -> Path:
    dest = tmp / spec.split("==")[0]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", spec, "-d", str(dest)],
        check=True,
    )
    for archive in dest.iterdir():
        if archive.suffix == ".whl":
            zipfile.ZipFile(archive).extractall(dest / "x")
        elif archive.name.endswith(".tar.gz"):
            with tarfile.open(archive) as tar:
                tar.extractall(dest / "x", filter="data")
    return dest / "x"


def census_names(root: Path, file: str, max_rank: int) -> set:
    path = next(root.rglob(file))
    names = set()
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and int(parts[3]) <= max_rank:
            names.add(parts[0].lower())
    return names


def cleanco_suffixes(root: Path) -> set:
    source = next(root.rglob("termdata.py")).read_text()
    tree = ast.parse(source)
    terms = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "terms_by_type":
            for values in ast.literal_eval(node.value).values():
                terms.update(v.strip() for v in values)
    # Two-letter suffixes without dots ("as", "da", "ab") are ordinary words in English text.
    return {t for t in terms if t.isascii() and ("." in t or len(t) >= 3) and " " not in t}


def curated(name: str, phrases: bool = False) -> set:
    """Entries of a curated list: words separated by white space, or one phrase a line."""
    words = set()
    for line in (CURATED / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.update([line] if phrases else line.split())
    return words


def tagged(lex: dict, *tags: str) -> set:
    return {w for w, t in lex.items() if any(tag in t for tag in tags)}


def write(name: str, words: set) -> None:
    text = "\n".join(sorted(words)) + "\n"
    (OUT / f"{name}.txt").write_text(text, encoding="utf-8")
    print(f"{name}.txt: {len(words)} entries")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        lex = compromise_lexicon(tmp)
        names_root = pip_download(tmp, NAMES)
        cleanco_root = pip_download(tmp, CLEANCO)

        name_tags = ("FirstName", "MaleName", "FemaleName")
        # Words compromise knows as something other than a name: "will", "may", "grant".
        common = {
            w
            for w, t in lex.items()
            if " " not in w
            and not any(tag in t for tag in name_tags + ("LastName", "Person", "ProperNoun",
                                                       "Place", "City", "Country", "Region",
                                                       "Organization", "SportsTeam"))
        }
        months = curated("months_weekdays")
        given = tagged(lex, *name_tags) | curated("given_names")
        given |= census_names(names_root, "dist.male.first", CENSUS_GIVEN_MAX_RANK)
        given |= census_names(names_root, "dist.female.first", CENSUS_GIVEN_MAX_RANK)
        given = {g for g in given if " " not in g and g not in months}
        given -= common - curated("given_names")
        surnames = tagged(lex, "LastName")
        surnames |= census_names(names_root, "dist.all.last", CENSUS_SURNAME_MAX_RANK)
        surnames = {s for s in surnames if " " not in s} - common - months

        write("given_names", given)
        write("surnames", surnames)
        write("common_words", common | curated("stopwords"))
        write("titles", tagged(lex, "Honorific") | curated("titles"))
        write("roles", {w for w in tagged(lex, "Actor") if " " not in w} | curated("roles"))
        write("org_heads", curated("org_heads"))
        write("legal_suffixes", cleanco_suffixes(cleanco_root) | curated("legal_suffixes"))
        write("stopwords", curated("stopwords"))
        write("months_weekdays", months | tagged(lex, "Month", "WeekDay"))
        write("holidays", curated("holidays", phrases=True))
        write("non_name_starts", curated("non_name_starts"))
        write("demonyms", tagged(lex, "Demonym") | curated("demonyms"))


if __name__ == "__main__":
    main()
