#!/usr/bin/env python3
"""Deterministic benchmark corpus for Lectern: a bilingual course of MODULES x SLIDES x LANGUAGES.

    python3 Benchmarks/make_corpus.py --out /dev/shm/lectern-bench/course            # 500 x 20 x 2, ~18 MB
    python3 Benchmarks/make_corpus.py --out DIR --modules 50 --slides 20 --languages 2

Writes DIR/Content/ (site.yaml and one folder per module: slides.<lang>.md and quiz.<lang>.md for every
language) and copies the repository's Templates/ to DIR/Templates/, so `lectern build --strict --root DIR`
builds it with no warnings. DIR is replaced if it holds a previous corpus (it must contain a `corpus.json`
or be empty).

Every slides file has front matter and SLIDES slides: headings, prose with emphasis, strong text, links (to
the web, to the module's quiz, and to other modules as `../NNN-slug/slides.<lang>.md`, some with `#slide-N`)
and inline code, bullet and numbered lists, a fenced code block in about a third of the slides, block quotes
and speaker notes in `<!-- -->`. Every quiz follows /work/shared/specs/quiz-syntax.md (single, true/false,
multiple, numeric and short questions, with ids, feedback and explanations), the same in both languages.

Only Python's own `random.Random` seeded with integers is used, so a given (seed, modules, slides, languages)
always gives byte-identical files, on any machine and Python 3 version. Each module's text is drawn from its
own generator seeded by (seed, module number) and the course size, so modules do not depend on each other and
corpora of every size are made of the same kind of module (the same distributions), not of the same text.
"""

import argparse
import json
import os
import random
import shutil
import sys

LANGUAGES = ["nl", "en"]  # the default theme has interface texts for these two

# Parallel word lists: the same index means the same thing in each language (used for slugs and titles).
TOPICS = {
    "nl": ["pijplijn", "levering", "uitrol", "monitoring", "beheer", "testen", "feedback", "containers",
           "configuratie", "beveiliging", "netwerk", "opslag", "schaal", "herstel", "metingen", "teams",
           "releases", "automatisering", "versiebeheer", "infrastructuur", "kwaliteit", "logboeken",
           "incidenten", "afspraken", "omgevingen", "integratie", "kosten", "kennis", "processen", "diensten"],
    "en": ["pipeline", "delivery", "rollout", "monitoring", "operations", "testing", "feedback", "containers",
           "configuration", "security", "network", "storage", "scale", "recovery", "metrics", "teams",
           "releases", "automation", "version-control", "infrastructure", "quality", "logging",
           "incidents", "agreements", "environments", "integration", "costs", "knowledge", "processes", "services"],
}
QUALIFIERS = {
    "nl": ["continue", "snelle", "veilige", "kleine", "gedeelde", "betrouwbare", "zichtbare", "lerende",
           "eenvoudige", "herhaalbare", "meetbare", "open"],
    "en": ["continuous", "fast", "safe", "small", "shared", "reliable", "visible", "learning",
           "simple", "repeatable", "measurable", "open"],
}

WORDS = {
    "nl": ("de het een team wijziging klant dienst productie omgeving code test release fout storing "
           "ontwikkelaar beheerder pijplijn server applicatie gebruiker versie snel klein vaak altijd samen "
           "zonder tijdens na voor met door over elke iedere nieuwe oude goede betere kortere langere "
           "automatisch handmatig zichtbaar meetbaar veilig stabiel werkt levert bouwt test meet herstelt "
           "deelt leert verbetert bespreekt plant controleert rolt uit draait schaalt bewaakt documenteert "
           "afdeling organisatie proces stap keten overdracht feedback doorlooptijd kwaliteit waarde risico "
           "kennis ervaring afspraak verantwoordelijkheid resultaat doel week dag sprint backlog").split(),
    "en": ("the a team change customer service production environment code test release failure outage "
           "developer operator pipeline server application user version fast small often always together "
           "without during after before with through about every each new old good better shorter longer "
           "automatically manually visibly measurably safely stable works delivers builds tests measures "
           "restores shares learns improves discusses plans checks rolls out runs scales watches documents "
           "department organisation process step chain handover feedback lead-time quality value risk "
           "knowledge experience agreement responsibility result goal week day sprint backlog").split(),
}
PHRASES = {
    "nl": ["kleine stappen", "snelle feedback", "gedeelde verantwoordelijkheid", "de hele keten",
           "de klant", "elke wijziging", "de doorlooptijd", "het team", "een korte lus", "de productie"],
    "en": ["small steps", "fast feedback", "shared responsibility", "the whole chain",
           "the customer", "every change", "the lead time", "the team", "a short loop", "production"],
}
COMMANDS = ["git commit", "git push", "make test", "kubectl get pods", "docker build .", "npm ci",
            "terraform plan", "ansible-playbook site.yml", "curl -fsS", "systemctl status nginx",
            "journalctl -u app", "swift build", "go test ./...", "pytest -q", "helm upgrade"]
IDENTIFIERS = ["deploy.yaml", "Makefile", "main", "HEAD", "PORT", "ENV", "stage", "retry", "timeout",
               "healthz", "replicas", "image", "build.sh", "release/1.4", "v2.3.1"]
NOTES_LEAD = {
    "nl": ["Leg uit", "Benadruk", "Laat zien", "Vertel", "Vat samen", "Geef een voorbeeld van"],
    "en": ["Explain", "Stress", "Show", "Tell", "Sum up", "Give an example of"],
}
NOTES_QUESTION = {"nl": "Vraag aan de groep:", "en": "Ask the group:"}
QUIZ_TITLE = {"nl": "Zelftoets", "en": "Self-check"}
TRUE_FALSE = {"nl": ("Waar", "Onwaar"), "en": ("True", "False")}
SITE_TITLE = {"nl": "Benchmarkcursus", "en": "Benchmark course"}
MORE = {"nl": "Meer hierover", "en": "More on this"}
SEE_ALSO = {"nl": "zie ook", "en": "see also"}
TEST_YOURSELF = {"nl": "test jezelf", "en": "test yourself"}

CODE_BLOCKS = [
    ("yaml", ["stages:", "  - build", "  - test", "  - deploy", "build:", "  stage: build",
              "  script:", "    - make build", "test:", "  stage: test", "  script:", "    - make test",
              "deploy:", "  stage: deploy", "  script:", "    - ./deploy.sh production", "  when: manual"]),
    ("sh", ["set -eu", "git fetch origin", "git checkout -b release/1.4 origin/main", "make test",
            "docker build -t app:1.4 .", "docker push registry.example.org/app:1.4",
            "kubectl set image deployment/app app=registry.example.org/app:1.4",
            "kubectl rollout status deployment/app", "curl -fsS https://app.example.org/healthz"]),
    ("python", ["import time", "", "def wait_until_healthy(check, attempts=10):",
                "    for attempt in range(attempts):", "        if check():", "            return attempt",
                "        time.sleep(2 ** attempt)", "    raise TimeoutError('service did not become healthy')",
                "", "if __name__ == '__main__':", "    print(wait_until_healthy(lambda: True))"]),
    ("dockerfile", ["FROM debian:12-slim", "RUN apt-get update && apt-get install -y ca-certificates",
                    "COPY app /usr/local/bin/app", "ENV PORT=8080", "EXPOSE 8080", "USER 1000",
                    "HEALTHCHECK CMD curl -fsS http://localhost:8080/healthz", "ENTRYPOINT [\"/usr/local/bin/app\"]"]),
    ("json", ["{", "  \"service\": \"checkout\",", "  \"replicas\": 3,", "  \"slo\": { \"availability\": 99.9, \"latency_ms\": 300 },",
              "  \"alerts\": [\"error-rate\", \"latency\", \"saturation\"],", "  \"owner\": \"team-payments\"", "}"]),
    ("swift", ["struct Release {", "    let version: String", "    let approved: Bool", "",
               "    func canDeploy(on day: Int) -> Bool {", "        approved && day < 5", "    }", "}"]),
]


def slug_of(language, module_rng_values):
    """The module's URL segment in a language, from parallel word lists (so nl and en mean the same)."""
    qualifier, topic = module_rng_values
    return f"{QUALIFIERS[language][qualifier]}-{TOPICS[language][topic]}"


class Module:
    """What a module is, independent of language: its number, words and structure."""

    def __init__(self, seed, number, width, total, slides):
        rng = random.Random(seed * 1_000_003 + number)
        self.number = number
        self.qualifier = rng.randrange(len(QUALIFIERS["en"]))
        self.topic = rng.randrange(len(TOPICS["en"]))
        self.folder = f"{number:0{width}d}-{slug_of('nl', (self.qualifier, self.topic))}-{number}"
        self.duration = 10 + 5 * rng.randrange(6)
        # Per slide: has a fenced code block (about a third), a block quote, a numbered list, paragraphs.
        self.slides = []
        for index in range(slides):
            self.slides.append({
                "code": rng.random() < 1 / 3,
                "quote": rng.random() < 0.2,
                "ordered": rng.random() < 0.3,
                "paragraphs": 1 + (rng.random() < 0.25),
                "items": 2 + rng.randrange(3),
                "code_block": rng.randrange(len(CODE_BLOCKS)),
                "link_module": 1 + rng.randrange(total),
                "link_slide": 1 + rng.randrange(slides) if rng.random() < 0.3 else None,
            })
        # Quiz structure: the same in every language, as W006 requires.
        kinds = ["single", "truefalse", "multiple", "numeric", "short"]
        self.questions = []
        for position, kind in enumerate(kinds):
            question = {"kind": kind, "id": f"m{number}-q{position + 1}-{kind}"}
            if kind == "single":
                question["options"] = 3 + rng.randrange(2)
                question["right"] = rng.randrange(question["options"])
            elif kind == "truefalse":
                question["answer"] = rng.random() < 0.5
            elif kind == "multiple":
                question["options"] = 4 + rng.randrange(2)
                right = 1 + rng.randrange(question["options"] - 2)
                question["right"] = sorted(rng.sample(range(question["options"]), right))
            elif kind == "numeric":
                value = rng.randrange(2, 500)
                question["value"] = rng.choice([f"{value}", f"{value}.5 ± 0.5", f"{value}..{value + 10}"])
            elif kind == "short":
                question["answer"] = rng.choice(COMMANDS)
            self.questions.append(question)

    def slug(self, language):
        return f"{slug_of(language, (self.qualifier, self.topic))}-{self.number}"

    def title(self, language):
        text = f"{QUALIFIERS[language][self.qualifier]} {TOPICS[language][self.topic].replace('-', ' ')}"
        return f"{text[0].upper()}{text[1:]} {self.number}"


class Writer:
    """The text of one module in one language, from its own seeded generator."""

    def __init__(self, seed, module, modules, language):
        self.rng = random.Random((seed * 1_000_003 + module.number) * 7 + LANGUAGES.index(language))
        self.module = module
        self.modules = modules
        self.language = language

    def words(self, count):
        return " ".join(self.rng.choice(WORDS[self.language]) for _ in range(count))

    def sentence(self, inline=True):
        rng = self.rng
        parts = [self.words(2 + rng.randrange(4))]
        if inline:
            roll = rng.random()
            if roll < 0.2:
                parts.append(f"*{rng.choice(PHRASES[self.language])}*")
            elif roll < 0.35:
                parts.append(f"**{rng.choice(PHRASES[self.language])}**")
            elif roll < 0.5:
                parts.append(f"`{rng.choice(COMMANDS + IDENTIFIERS)}`")
            elif roll < 0.58:
                topic = TOPICS[self.language][rng.randrange(len(TOPICS["en"]))]
                parts.append(f"[{rng.choice(PHRASES[self.language])}](https://example.org/{self.language}/{topic})")
        parts.append(self.words(2 + rng.randrange(4)))
        text = " ".join(parts)
        return f"{text[0].upper()}{text[1:]}."

    def paragraph(self, sentences):
        return " ".join(self.sentence() for _ in range(sentences))

    def module_link(self, slide):
        target = self.modules[slide["link_module"] - 1]
        anchor = f"#slide-{slide['link_slide']}" if slide["link_slide"] else ""
        return f"[{target.title(self.language)}](../{target.folder}/slides.{self.language}.md{anchor})"

    def notes(self):
        rng = self.rng
        lead = rng.choice(NOTES_LEAD[self.language])
        lines = [f"{lead} {self.words(4 + rng.randrange(6))}. {self.sentence(inline=False)}",
                 f"{NOTES_QUESTION[self.language]} {self.words(4 + rng.randrange(4))}?"]
        return "<!--\n" + "\n".join(lines) + "\n-->"

    def slide(self, index, shape):
        rng = self.rng
        blocks = []
        if index == 0:
            blocks.append(f"# {self.module.title(self.language)}")
            blocks.append(f"> “{self.sentence(inline=False)}”")
            blocks.append(self.paragraph(3))
        else:
            heading = self.words(2 + rng.randrange(4))
            blocks.append(f"## {heading[0].upper()}{heading[1:]}")
            for _ in range(shape["paragraphs"]):
                blocks.append(self.paragraph(1 + rng.randrange(5) // 2))
            items = []
            for number in range(shape["items"]):
                marker = f"{number + 1}." if shape["ordered"] else "-"
                items.append(f"{marker} {self.sentence()}")
            blocks.append("\n".join(items))
            if shape["code"]:
                language, lines = CODE_BLOCKS[shape["code_block"]]
                blocks.append(f"```{language}\n" + "\n".join(lines) + "\n```")
            if shape["quote"]:
                blocks.append(f"> {self.sentence()}\n> {self.sentence()}")
            blocks.append(f"{MORE[self.language]}: {self.module_link(shape)}; {SEE_ALSO[self.language]} "
                          f"[{TEST_YOURSELF[self.language]}](quiz.{self.language}.md).")
        blocks.append(self.notes())
        return "\n\n".join(blocks)

    def slides_file(self):
        module, language = self.module, self.language
        objectives = "\n".join(f"  - {self.sentence(inline=False)}" for _ in range(3))
        front = (f"---\ntitle: {module.title(language)}\nslug: {module.slug(language)}\n"
                 f"summary: {self.sentence(inline=False)}\nobjectives:\n{objectives}\n"
                 f"duration: {module.duration}\n---\n\n")
        return front + "\n\n---\n\n".join(self.slide(i, s) for i, s in enumerate(module.slides)) + "\n"

    def option(self, used):
        while True:
            text = self.sentence(inline=False)[:-1]
            if text not in used:
                used.add(text)
                return text

    def feedback(self):
        return f"  > {self.sentence()}"

    def quiz_file(self):
        module, language, rng = self.module, self.language, self.rng
        out = [f"# {QUIZ_TITLE[language]}: {module.title(language)}", self.paragraph(1)]
        for question in module.questions:
            kind = question["kind"]
            stem = self.words(6 + rng.randrange(8))
            block = [f"## {stem[0].upper()}{stem[1:]}?", f"<!-- id: {question['id']} -->"]
            lines = []
            used = set()
            if kind == "single":
                for option in range(question["options"]):
                    mark = "(x)" if option == question["right"] else "( )"
                    lines += [f"- {mark} {self.option(used)}", self.feedback()]
            elif kind == "truefalse":
                yes, no = TRUE_FALSE[language]
                lines += [f"- {'(x)' if question['answer'] else '( )'} {yes}", self.feedback(),
                          f"- {'( )' if question['answer'] else '(x)'} {no}", self.feedback()]
            elif kind == "multiple":
                for option in range(question["options"]):
                    mark = "[x]" if option in question["right"] else "[ ]"
                    lines += [f"- {mark} {self.option(used)}", self.feedback()]
            elif kind == "numeric":
                lines += [f"- = {question['value']}", self.feedback(), "- ~ *", self.feedback()]
            elif kind == "short":
                lines += [f"- = `{question['answer']}`", self.feedback(), "- ~ *", self.feedback()]
            stem_text = self.paragraph(1)
            out.append("\n".join(block) + "\n\n" + stem_text + "\n\n" + "\n".join(lines) + "\n\n> " + self.paragraph(1))
        return "\n\n".join(out) + "\n"


def generate(out, modules, slides, languages, seed, templates):
    if languages < 1 or languages > len(LANGUAGES):
        sys.exit(f"make_corpus: --languages must be 1 to {len(LANGUAGES)} (the theme has texts for {', '.join(LANGUAGES)})")
    if modules < 1 or slides < 1:
        sys.exit("make_corpus: --modules and --slides must be at least 1")
    if os.path.exists(out):
        if os.listdir(out) and not os.path.exists(os.path.join(out, "corpus.json")):
            sys.exit(f"make_corpus: {out} exists and is not a corpus made by this script; choose another folder")
        shutil.rmtree(out)
    langs = LANGUAGES[:languages]
    content = os.path.join(out, "Content")
    os.makedirs(content)
    width = max(2, len(str(modules)))
    all_modules = [Module(seed, number, width, modules, slides) for number in range(1, modules + 1)]
    with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("# Generated by Benchmarks/make_corpus.py; see docs/performance.md.\n")
        f.write("title:\n" + "".join(f"  {lang}: {SITE_TITLE[lang]}\n" for lang in langs))
        f.write(f"languages: [{', '.join(langs)}]\n")
        f.write("base_url: https://example.org/benchmark-course/\n")
    markdown_bytes = 0
    files = 0
    for module in all_modules:
        folder = os.path.join(content, module.folder)
        os.mkdir(folder)
        for language in langs:
            writer = Writer(seed, module, all_modules, language)
            for name, text in ((f"slides.{language}.md", writer.slides_file()), (f"quiz.{language}.md", writer.quiz_file())):
                data = text.encode("utf-8")
                with open(os.path.join(folder, name), "wb") as f:
                    f.write(data)
                markdown_bytes += len(data)
                files += 1
    if templates:
        shutil.copytree(templates, os.path.join(out, "Templates"))
    manifest = {"modules": modules, "slides": slides, "languages": langs, "seed": seed,
                "markdown_files": files, "markdown_bytes": markdown_bytes}
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return manifest


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="the course folder to write (replaced if it holds a previous corpus)")
    parser.add_argument("--modules", type=int, default=500, help="number of modules (default 500)")
    parser.add_argument("--slides", type=int, default=20, help="slides per slides file (default 20)")
    parser.add_argument("--languages", type=int, default=2, help="1 (nl) or 2 (nl, en; default)")
    parser.add_argument("--seed", type=int, default=9, help="the fixed seed (default 9)")
    parser.add_argument("--templates", default=os.path.join(os.path.dirname(here), "Templates"),
                        help="the theme to copy next to Content/ (default: the repository's Templates/)")
    args = parser.parse_args()
    manifest = generate(args.out, args.modules, args.slides, args.languages, args.seed, args.templates)
    print(f"{args.out}: {args.modules} modules x {args.slides} slides x {len(manifest['languages'])} languages, "
          f"{manifest['markdown_files']} Markdown files, {manifest['markdown_bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
