/* Close Calls: a chart's settings kept in the page's address, so that a link opens it as it was set.
 *
 * Each chart's script (explainers.render) calls ccViewLinks.attach(element, view, spec) once its
 * Vega view exists. The address's fragment holds the controls' values of every chart on the page,
 *   #cc:fig-co-contests.co_risk_limit=5&fig-co-contests.co_contest=Otero%20County%20...
 * keyed by the chart's figure name (its number may change; its name does not) and the control's
 * parameter. On load, a value is applied only if the control could have produced it: a number
 * within the slider's range and on its step, one of a menu's or radio group's options, true or
 * false for a check box. Anything else (an old link, a typing mistake) is ignored silently and the
 * chart keeps its default. Each change rewrites the fragment in place (no new history entry, no
 * scrolling), and the "Link to this view" beside each chart's controls copies the address.
 * Nothing is fetched: it works from a file:// page, a served one, in print and in the live mode.
 */
(function () {
  "use strict";
  if (window.ccViewLinks) { return; }
  var PREFIX = "#cc:";
  var charts = [];
  var scrolled = false;

  function state() {
    var out = {};
    var hash = window.location.hash;
    if (hash.indexOf(PREFIX) !== 0) { return out; }
    hash.slice(PREFIX.length).split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at < 1) { return; }
      try {
        out[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
      } catch (error) { /* a malformed escape: ignore this pair */ }
    });
    return out;
  }

  function accept(bind, text) {
    if (!bind || typeof text !== "string") { return undefined; }
    if (bind.input === "range") {
      if (!/^-?\d+(\.\d+)?$/.test(text)) { return undefined; }
      var x = Number(text);
      if (x < bind.min || x > bind.max) { return undefined; }
      if (bind.step) {
        var k = (x - bind.min) / bind.step;
        if (Math.abs(k - Math.round(k)) > 1e-6) { return undefined; }
      }
      return x;
    }
    if (bind.input === "checkbox") {
      return text === "true" ? true : text === "false" ? false : undefined;
    }
    if (bind.options) {
      for (var i = 0; i < bind.options.length; i++) {
        if (String(bind.options[i]) === text) { return bind.options[i]; }
      }
    }
    return undefined;
  }

  function pairs(chart) {
    return chart.signals.map(function (signal) {
      return [chart.key + "." + signal.name, String(chart.view.signal(signal.name))];
    });
  }

  function address(entries) {
    // The page's address without its fragment, and without "edition=teacher": a link a teacher
    // sends from the teacher's copy opens the students' one.
    var base = window.location.href.split("#")[0]
      .replace(/([?&])edition=[^&]*(&|$)/, function (all, before, after) {
        return after ? before : "";
      });
    return base + PREFIX + entries.map(function (entry) {
      return encodeURIComponent(entry[0]) + "=" + encodeURIComponent(entry[1]);
    }).join("&");
  }

  function update() {
    // The page's address: every chart's settings, keeping those of charts not drawn yet.
    var merged = state();
    charts.forEach(function (chart) {
      pairs(chart).forEach(function (entry) { merged[entry[0]] = entry[1]; });
    });
    var url = address(Object.keys(merged).map(function (key) { return [key, merged[key]]; }));
    charts.forEach(function (chart) {
      chart.link.href = address(pairs(chart));
      chart.status.textContent = "";  // "Link copied." was about the settings before this change
    });
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", url); } catch (error) { /* not allowed here */ }
    }
  }

  function linkFor(chart, container) {
    var wrap = document.createElement("p");
    wrap.className = "cc-view-link";
    var link = document.createElement("a");
    link.textContent = "Copy a link to this view";
    link.title = "The address of this page with this chart's settings; copied when you click";
    var status = document.createElement("span");
    status.className = "cc-view-link-status";
    status.setAttribute("role", "status");
    link.addEventListener("click", function (event) {
      var url = link.href;
      if (navigator.clipboard && window.isSecureContext) {
        event.preventDefault();
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = " Link copied.";
        }, function () {
          window.location.href = url;
        });
      }
    });
    wrap.appendChild(link);
    wrap.appendChild(status);
    container.appendChild(wrap);
    chart.status = status;
    return link;
  }

  function attach(element, view, spec) {
    var figure = element.closest("figure[id]");
    var key = figure ? figure.id : "chart" + (charts.length + 1);
    var signals = (spec.signals || []).filter(function (s) { return s.bind && s.name; });
    if (!signals.length) { return; }
    var chart = {key: key, view: view, signals: signals};
    var wanted = state();
    var changed = false;
    signals.forEach(function (signal) {
      var value = accept(signal.bind, wanted[key + "." + signal.name]);
      if (value !== undefined && value !== view.signal(signal.name)) {
        view.signal(signal.name, value);
        changed = true;
      }
    });
    chart.link = linkFor(chart, element.parentNode);
    charts.push(chart);
    var finish = function () {
      signals.forEach(function (signal) {
        view.addSignalListener(signal.name, update);
      });
      // The link follows the chart; the page's own address changes only when the reader moves a
      // control (a page opened at a section keeps its anchor).
      chart.link.href = address(pairs(chart));
      if (changed && !scrolled && element.scrollIntoView) {
        scrolled = true;  // the first chart a link set is the one to show
        element.scrollIntoView({block: "start"});
      }
    };
    if (changed) {
      view.runAsync().then(finish).catch(function (error) { console.error(error); });
    } else {
      finish();
    }
  }

  window.ccViewLinks = {attach: attach, accept: accept, state: state, PREFIX: PREFIX};
})();
