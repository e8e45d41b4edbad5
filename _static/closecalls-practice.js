/* Close Calls: practice questions checked in the page (explainers.practice makes the forms).
 *
 * The rules are the package's (explainers.practice.parse_number and check), so a reader gets the
 * same verdict here and in Jupyter: spaces and thousands separators ignored, a leading sign kept,
 * a percent sign allowed where the answer is a percentage, the answer's unit word allowed; right
 * within the question's tolerance. Nothing is sent anywhere: it works offline and from file://.
 */
(function () {
  "use strict";
  if (window.ccPractice) { return; }

  var UNIT_WORDS = ["votes", "voters", "ballots", "ballot cards", "cards", "electors", "people"];
  var NUMBER = /^[+-]?(([1-9][0-9]{0,2}([, \t\u00a0\u2009][0-9]{3})+|[0-9]+)(\.[0-9]*)?|\.[0-9]+)$/;

  function parseNumber(text, percent, units) {
    var value = String(text).trim().toLowerCase().replace(/\u2212/g, "-");
    var sorted = (units || []).concat(UNIT_WORDS)
      .sort(function (a, b) { return b.length - a.length; });
    for (var i = 0; i < sorted.length; i++) {
      var unit = sorted[i].toLowerCase();
      var rest = value.slice(0, value.length - unit.length).replace(/\s+$/, "");
      if (value.length >= unit.length && value.slice(value.length - unit.length) === unit &&
          /[0-9]$/.test(rest)) {
        value = rest;
        break;
      }
    }
    ["per cent", "percent"].forEach(function (word) {
      if (value.slice(-word.length) === word) {
        value = value.slice(0, value.length - word.length).replace(/\s+$/, "") + "%";
      }
    });
    if (value.slice(-1) === "%") {
      if (!percent) { return null; }
      value = value.slice(0, -1).replace(/\s+$/, "");
    }
    if (!NUMBER.test(value)) { return null; }
    return parseFloat(value.replace(/[, \t\u00a0\u2009]/g, ""));
  }

  function check(question, text) {
    if (question.kind === "choice") {
      if (question.choices.indexOf(text) < 0 && text !== question.answer) {
        return {right: null, message: "Pick one of the answers."};
      }
      return verdict(question, text === question.answer);
    }
    var number = parseNumber(text, question.percent, question.units);
    if (number === null) {
      return {right: null, message: "Write a number, for example " +
              (question.percent ? "12.5%" : "1,234") + "."};
    }
    return verdict(question, Math.abs(number - question.answer) <= question.tolerance + 1e-9);
  }

  function verdict(question, right) {
    if (right) { return {right: true, message: "Right."}; }
    return {right: false, message: "Not quite. Hint: see the section \u201c" +
            question.section + "\u201d."};
  }

  function attach(form) {
    var question = JSON.parse(form.getAttribute("data-question"));
    if (question.kind === "choice") {
      question.choices = [].map.call(form.querySelectorAll("input[type=radio]"),
                                     function (r) { return r.value; });
    }
    var result = form.querySelector(".cc-practice-result");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text;
      if (question.kind === "choice") {
        var picked = form.querySelector("input[type=radio]:checked");
        text = picked ? picked.value : "";
      } else {
        text = form.querySelector("input[name=answer]").value;
      }
      var outcome = check(question, text);
      result.textContent = outcome.message + " ";
      result.className = "cc-practice-result " +
        (outcome.right === true ? "cc-right" : outcome.right === false ? "cc-wrong" : "");
      if (outcome.right === false) {
        var link = document.createElement("a");
        link.href = "#" + question.anchor;
        link.textContent = "Go to the section";
        // Go there without touching the address, which may hold the charts' settings.
        link.addEventListener("click", function (event) {
          var target = document.getElementById(question.anchor);
          if (!target) { return; }
          event.preventDefault();
          target.scrollIntoView({block: "start"});
          target.setAttribute("tabindex", "-1");
          target.focus({preventScroll: true});
          offerWayBack(target, form);
        });
        result.appendChild(link);
      }
    });
    var show = form.querySelector(".cc-practice-show");
    var answer = form.querySelector(".cc-practice-answer");
    if (show && answer) {
      show.addEventListener("click", function () {
        answer.hidden = !answer.hidden;
        show.setAttribute("aria-expanded", String(!answer.hidden));
        show.textContent = answer.hidden ? "Show the answer" : "Hide the answer";
      });
    }
  }

  // Under the section's heading, a link back to the question the hint came from (the address is
  // left alone, so the browser's Back button would not return there). One per section; it goes
  // once used.
  function offerWayBack(section, form) {
    var old = section.querySelector(":scope > .cc-practice-back");
    if (old) { old.remove(); }
    var heading = section.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4");
    var back = document.createElement("p");
    back.className = "cc-practice-back";
    var link = document.createElement("a");
    link.href = "#" + form.id;
    link.textContent = "Back to the question";
    link.addEventListener("click", function (event) {
      event.preventDefault();
      form.scrollIntoView({block: "center"});
      var field = form.querySelector("input[name=answer], input[type=radio]");
      if (field) { field.focus({preventScroll: true}); }
      back.remove();
    });
    back.appendChild(link);
    if (heading) { heading.after(back); } else { section.prepend(back); }
  }

  function start() {
    [].forEach.call(document.querySelectorAll("form.cc-practice"), attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  window.ccPractice = {parseNumber: parseNumber, check: check};
})();
