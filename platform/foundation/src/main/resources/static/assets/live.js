// Live updates for staff pages, without a build step. A page that wants them names its stream on
// <body data-stream="/stream">. Each Server-Sent Event (event name = outbox topic, e.g.
// "complaint.filed") is re-dispatched on <body> as a DOM event "live:complaint-filed" and as a
// generic "live"; htmx elements refresh themselves with hx-trigger="live:complaint-filed from:body".
// Elements with data-announce-<topic> text are read out through the page's polite live region.
// A page that names data-live-coalesce (ms) also gets one "live:refresh" on <body> per burst: a trailing
// throttle that fires that long (plus a random part of data-live-jitter ms, so many pages do not reload in
// step) after the first event of the burst, however many follow; body.dataset.liveSeen holds the id of the
// last event heard, for the server to serve every watcher of one view the same computation.
// EventSource reconnects by itself and sends Last-Event-ID, so nothing missed is lost.
(function () {
  "use strict";
  var body = document.body;

  // What arrived since this page opened. Lists rendered once for every watcher (the dashboard's sections)
  // carry no per-page marks: a container with data-arrivals="<test id>" and data-arrivals-text ("{0}" =
  // how many) holds rows with data-received (epoch ms); rows later than body's data-live-since are marked
  // new here (class alert-new, data-new, their [data-new-badge] shown) and an alert above them says how many.
  function markArrivals() {
    var since = parseInt(body.dataset.liveSince, 10);
    if (isNaN(since)) {
      return;
    }
    document.querySelectorAll("[data-arrivals]").forEach(function (list) {
      var arrived = 0;
      list.querySelectorAll("[data-received]").forEach(function (row) {
        if (parseInt(row.dataset.received, 10) > since) {
          arrived++;
          row.classList.add("alert-new");
          row.dataset.new = "true";
          row.querySelectorAll("[data-new-badge]").forEach(function (badge) { badge.hidden = false; });
        }
      });
      var testId = list.dataset.arrivals;
      var alert = list.querySelector("[data-testid='" + testId + "']");
      if (arrived > 0 && !alert) {
        alert = document.createElement("div");
        alert.className = "notice alert-new";
        alert.setAttribute("role", "alert");
        alert.dataset.testid = testId;
        alert.appendChild(document.createElement("strong"));
        list.insertBefore(alert, list.firstChild);
      }
      if (alert) {
        alert.firstChild.textContent = (list.dataset.arrivalsText || "{0}").replace("{0}", String(arrived));
      }
    });
  }
  markArrivals();
  document.addEventListener("htmx:afterSettle", markArrivals);

  var url = body && body.dataset.stream;
  if (!url || !window.EventSource) {
    return;
  }
  var source = new EventSource(url, { withCredentials: true });
  var topics = (body.dataset.topics || "").split(/\s+/).filter(Boolean);

  function state(connected) {
    body.classList.toggle("live-connected", connected);
    body.classList.toggle("live-lost", !connected);
  }

  function announce(topic) {
    var region = document.getElementById("live-announcer");
    var text = body.getAttribute("data-announce-" + topic.replace(/\./g, "-"));
    if (region && text) {
      region.textContent = "";
      // A fresh text node after clearing makes screen readers announce a repeated message again.
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  var refreshPending = null;

  function coalesce(id) {
    if (id) {
      body.dataset.liveSeen = id;
    }
    var after = parseInt(body.dataset.liveCoalesce, 10);
    if (isNaN(after) || refreshPending !== null) {
      return;
    }
    var jitter = parseInt(body.dataset.liveJitter, 10) || 0;
    refreshPending = window.setTimeout(function () {
      refreshPending = null;
      body.dispatchEvent(new CustomEvent("live:refresh"));
    }, after + Math.floor(Math.random() * jitter));
  }

  function relay(topic, data) {
    var name = "live:" + topic.replace(/\./g, "-");
    body.dispatchEvent(new CustomEvent(name, { detail: data }));
    body.dispatchEvent(new CustomEvent("live", { detail: { topic: topic, data: data } }));
    announce(topic);
  }

  source.onopen = function () { state(true); };
  source.onerror = function () { state(false); };
  topics.forEach(function (topic) {
    source.addEventListener(topic, function (event) {
      var data = null;
      try { data = JSON.parse(event.data); } catch (ignored) { data = event.data; }
      relay(topic, data);
      coalesce(event.lastEventId);
    });
  });
  // The association was suspended: the server ends the stream; stop reconnecting and say so.
  source.addEventListener("association-suspended", function () {
    source.close();
    state(false);
  });
  // Events this page missed were purged from the replay window (the tab slept past it): what it shows
  // may be stale and cannot be caught up event by event, so it reloads once.
  source.addEventListener("replay-gap", function () {
    source.close();
    window.location.reload();
  });
  window.addEventListener("pagehide", function () { source.close(); });
})();
