/*
 * Lectern self-check quizzes: checks answers in the browser. No dependencies; nothing leaves the page
 * (the last score per quiz is kept in localStorage only).
 *
 * The page contract (the quiz page template renders it; without this script the page still works, the
 * <details> of each question holds the answers):
 *
 *   <section class="quiz" data-quiz-key="<lang>/<slug>" data-quiz-strings='{"correct": "…", …}'>
 *     <form class="quiz-question" id="q-<id>" data-kind="single|multiple|truefalse|short|numeric"
 *           data-answer='<answer key JSON, see scoreQuestion>'>
 *       <fieldset>
 *         <legend>question</legend>
 *         choices: <input type="radio|checkbox" name="q-<id>" id="q-<id>-o<i>" value="<i>">
 *                  <label for="q-<id>-o<i>">option</label>
 *                  <div id="q-<id>-o<i>-feedback" class="quiz-feedback" hidden>option feedback</div>
 *         typed:   <label for="q-<id>-input">…</label>
 *                  <input type="text" id="q-<id>-input" name="q-<id>" [inputmode="decimal"]>
 *                  <div id="q-<id>-a<i>-feedback" hidden>feedback of accepted answer i</div>
 *                  <div id="q-<id>-w<i>-feedback" hidden>feedback of expected wrong answer i</div>
 *       </fieldset>
 *       <button type="submit">Check answer</button> <button type="reset">Try again</button>
 *       <div role="status" class="quiz-result"></div>          (present at page load, empty)
 *       <div id="q-<id>-explanation" class="quiz-explanation" hidden>explanation</div>
 *       <details class="quiz-answer">answer and explanation, for readers without JavaScript</details>
 *     </form>
 *     <p class="quiz-total" role="status"></p>
 *   </section>
 *
 * Options are numbered from 0 in the author's order. Feedback is linked with aria-describedby only after
 * checking; inputs stay enabled; "Try again" (the form's reset) clears the result.
 *
 * Data-quiz-strings keys (English defaults below): correct, partlyCorrect, incorrect, rightAnswer,
 * alsoRight, noAnswer, total ("{score}" and "{total}" are filled in), lastTime.
 *
 * On other pages, <p data-quiz-score="<lang>/<slug>" data-quiz-score-text="… {score} … {total}" hidden> shows the
 * learner's last score of that quiz, if they took it on this device.
 *
 * The scoring functions are exported as window.LecternQuiz = { scoreQuestion, parseNumber, normalizeText }.
 * They mirror the Swift scoring (AnswerKey.score) exactly; Tests/QuizzesTests/Fixtures/scoring-cases.json
 * holds the cases both must agree on.
 */
(function () {
  "use strict";

  // ---- Scoring (mirrors Sources/Quizzes/AnswerKey+Scoring.swift) ----

  // The same characters as Swift's AnswerKey.trimmedScalars: space, tab, LF, CR, VT, FF, no-break space.
  var EDGE_SPACE = /^[ \t\n\r\v\f\u00a0]+|[ \t\n\r\v\f\u00a0]+$/g;

  function trimText(text) {
    return String(text).replace(EDGE_SPACE, "");
  }

  /** Trimmed, lower-cased and NFC-normalised (Swift compares strings by canonical equivalence). */
  function normalizeText(text) {
    return trimText(text).toLowerCase().normalize("NFC");
  }

  /** A learner's number: optional sign, digits, one decimal point or comma; null when it is not one. */
  function parseNumber(text) {
    var candidate = trimText(text).replace(",", ".");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(candidate)) return null;
    return Number(candidate);
  }

  function matchesNumber(expected, number) {
    if ("min" in expected) return expected.min <= number && number <= expected.max;
    if ("tolerance" in expected) {
      // The same slack as Swift's NumericValue.matches: a billionth of the value.
      return Math.abs(number - expected.value) <= expected.tolerance + 1e-9 * Math.max(1, Math.abs(expected.value));
    }
    return number === expected.value;
  }

  function result(score, extra) {
    var out = { score: score, verdict: score >= 1 ? "correct" : score > 0 ? "partlyCorrect" : "incorrect" };
    if (extra && extra.accepted !== undefined && extra.accepted >= 0) out.accepted = extra.accepted;
    if (extra && extra.wrong !== undefined && extra.wrong >= 0) out.wrong = extra.wrong;
    return out;
  }

  function uniqueChoices(choices) {
    return (choices || []).filter(function (choice, index, all) { return all.indexOf(choice) === index; });
  }

  /** Moodle's partial credit: +1/k per right option chosen, -1/(n-k) per wrong one, clamped to [0, 1]. */
  function partialCredit(correct, chosen) {
    var right = correct.filter(Boolean).length;
    var wrong = correct.length - right;
    var chosenRight = chosen.filter(function (i) { return correct[i] === true; }).length;
    var chosenWrong = chosen.filter(function (i) { return correct[i] === false; }).length;
    if (right === 0) return 0;
    var value = chosenRight / right - (wrong > 0 ? chosenWrong / wrong : 0);
    return Math.min(1, Math.max(0, value));
  }

  /**
   * Scores one response against an answer key.
   *   key: {kind: "single"|"multiple"|"truefalse", correct: [bool]}
   *      | {kind: "short", accepted: [{text}], wrong: [{text} | {any: true}]}
   *      | {kind: "numeric", accepted: [{value} | {value, tolerance} | {min, max}], wrong: [... | {any: true}]}
   *   response: {choices: [option index]} | {text: "typed"}
   * Returns {score, verdict: "correct"|"partlyCorrect"|"incorrect", accepted?: index, wrong?: index}.
   */
  function scoreQuestion(key, response) {
    var wrongAnswers = key.wrong || [];
    switch (key.kind) {
      case "single":
      case "truefalse": {
        if (!("choices" in response)) return result(0);
        var chosen = uniqueChoices(response.choices);
        return result(chosen.length === 1 && key.correct[chosen[0]] === true ? 1 : 0);
      }
      case "multiple":
        if (!("choices" in response)) return result(0);
        return result(partialCredit(key.correct, uniqueChoices(response.choices)));
      case "short": {
        if (!("text" in response)) return result(0);
        var answer = normalizeText(response.text);
        if (answer === "") return result(0);
        var accepted = key.accepted.findIndex(function (a) { return normalizeText(a.text) === answer; });
        if (accepted >= 0) return result(1, { accepted: accepted });
        return result(0, { wrong: wrongAnswers.findIndex(function (w) { return w.any || normalizeText(w.text) === answer; }) });
      }
      case "numeric": {
        if (!("text" in response) || trimText(response.text) === "") return result(0);
        var number = parseNumber(response.text);
        if (number === null) return result(0, { wrong: wrongAnswers.findIndex(function (w) { return w.any === true; }) });
        var hit = key.accepted.findIndex(function (a) { return matchesNumber(a, number); });
        if (hit >= 0) return result(1, { accepted: hit });
        return result(0, { wrong: wrongAnswers.findIndex(function (w) { return w.any || matchesNumber(w, number); }) });
      }
      default:
        return result(0);
    }
  }

  var api = { scoreQuestion: scoreQuestion, parseNumber: parseNumber, normalizeText: normalizeText };
  if (typeof window !== "undefined") window.LecternQuiz = api;
  if (typeof document === "undefined") return;

  // ---- The page ----

  var DEFAULT_STRINGS = {
    correct: "Correct",
    partlyCorrect: "Partly correct",
    incorrect: "Not correct",
    rightAnswer: "Right answer",
    alsoRight: "Also right (not chosen)",
    noAnswer: "Choose or type an answer first.",
    total: "{score} of {total} points",
    lastTime: "Last time: {score} of {total} points"
  };
  var ICONS = { correct: "\u2714", partlyCorrect: "\u25D1", incorrect: "\u2716" };

  function readJSON(text, fallback) {
    try { return JSON.parse(text); } catch (e) { return fallback; }
  }

  function fill(template, score, total) {
    var rounded = Math.round(score * 100) / 100;
    var shown = rounded.toLocaleString(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
    return template.replace("{score}", shown).replace("{total}", String(total));
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function responseOf(form, kind) {
    if (kind === "short" || kind === "numeric") {
      var input = form.querySelector('input[type="text"]');
      return { text: input ? input.value : "" };
    }
    var chosen = [];
    form.querySelectorAll("input:checked").forEach(function (input) { chosen.push(Number(input.value)); });
    return { choices: chosen };
  }

  function isEmpty(response) {
    return "text" in response ? trimText(response.text) === "" : response.choices.length === 0;
  }

  function show(form, id, input) {
    var element = document.getElementById(id);
    if (!element) return;
    element.hidden = false;
    if (input) input.setAttribute("aria-describedby", id);
  }

  /** Hides feedback, notes and the result: the state before checking. */
  function clear(form) {
    form.querySelectorAll(".quiz-feedback, .quiz-explanation").forEach(function (el) { el.hidden = true; });
    form.querySelectorAll("[aria-describedby]").forEach(function (el) { el.removeAttribute("aria-describedby"); });
    form.querySelectorAll(".quiz-note").forEach(function (el) { el.remove(); });
    var status = form.querySelector('[role="status"]');
    if (status) {
      status.textContent = "";
      status.removeAttribute("data-verdict");
    }
  }

  function note(form, optionId, text) {
    var label = form.querySelector('label[for="' + optionId + '"]');
    if (!label) return;
    var span = document.createElement("span");
    span.className = "quiz-note";
    span.textContent = " (" + text + ")";
    label.appendChild(span);
  }

  /** Shows the result of one check: verdict, chosen options' feedback, missed right options, explanation. */
  function report(form, key, response, outcome, strings) {
    var base = form.id;
    if ("choices" in response) {
      key.correct.forEach(function (right, index) {
        var optionId = base + "-o" + index;
        var chosen = response.choices.indexOf(index) >= 0;
        if (chosen) show(form, optionId + "-feedback", document.getElementById(optionId));
        if (right && !chosen) note(form, optionId, key.kind === "multiple" ? strings.alsoRight : strings.rightAnswer);
      });
    } else {
      var input = form.querySelector('input[type="text"]');
      if (outcome.accepted !== undefined) show(form, base + "-a" + outcome.accepted + "-feedback", input);
      if (outcome.wrong !== undefined) show(form, base + "-w" + outcome.wrong + "-feedback", input);
    }
    show(form, base + "-explanation", null);
    var status = form.querySelector('[role="status"]');
    if (status) {
      status.textContent = ICONS[outcome.verdict] + " " + strings[outcome.verdict];
      status.setAttribute("data-verdict", outcome.verdict); // a style hook; the text and icon carry the meaning
    }
  }

  function setUpQuiz(container) {
    var strings = Object.assign({}, DEFAULT_STRINGS, readJSON(container.getAttribute("data-quiz-strings"), {}));
    var forms = Array.prototype.slice.call(container.querySelectorAll("form.quiz-question"));
    var scores = {};
    var storageKey = "lectern-quiz:" + (container.getAttribute("data-quiz-key") || "");
    var total = container.querySelector(".quiz-total");
    var last = storage() && readJSON(storage().getItem(storageKey), null);
    if (total && last && typeof last.score === "number") total.textContent = fill(strings.lastTime, last.score, last.total);

    forms.forEach(function (form) {
      var key = readJSON(form.getAttribute("data-answer"), null);
      if (!key) return;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clear(form);
        var response = responseOf(form, key.kind);
        if (isEmpty(response)) {
          var status = form.querySelector('[role="status"]');
          if (status) status.textContent = strings.noAnswer;
          return;
        }
        var outcome = scoreQuestion(key, response);
        report(form, key, response, outcome, strings);
        scores[form.id] = outcome.score;
        var sum = Object.keys(scores).reduce(function (s, id) { return s + scores[id]; }, 0);
        if (total) total.textContent = fill(strings.total, sum, forms.length);
        var store = storage();
        if (store) {
          try { store.setItem(storageKey, JSON.stringify({ score: sum, total: forms.length })); } catch (e) { /* full or blocked */ }
        }
      });
      form.addEventListener("reset", function () { clear(form); });
    });
  }

  /** On the overview and module pages: the learner's last score of each quiz they took, if any. */
  function showLastScores() {
    var store = storage();
    if (!store) return;
    document.querySelectorAll("[data-quiz-score]").forEach(function (element) {
      var last = readJSON(store.getItem("lectern-quiz:" + element.getAttribute("data-quiz-score")), null);
      if (!last || typeof last.score !== "number") return;
      element.textContent = fill(element.getAttribute("data-quiz-score-text") || DEFAULT_STRINGS.lastTime, last.score, last.total);
      element.hidden = false;
    });
  }

  /** Printing shows every answer block, also in browsers that cannot open <details> from CSS. */
  function openAnswersForPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.filter.call(document.querySelectorAll("details.quiz-answer:not([open])"), function (details) {
        details.open = true;
        return true;
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (details) { details.open = false; });
      opened = [];
    });
  }

  function start() {
    document.querySelectorAll(".quiz").forEach(setUpQuiz);
    showLastScores();
    openAnswersForPrint();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
