// pywats console: the uploads/queue chart and the "Try a converter" upload. No inline scripts
// (the Content-Security-Policy allows only files from /console/static).
(function () {
  "use strict";

  function csrf() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";
    } catch (e) {
      return "";
    }
  }

  function chart(box) {
    var plot = null;
    function draw(data) {
      if (!data.t.length) return;
      var empty = document.getElementById("chart-empty");
      if (empty) empty.remove();
      var rows = [data.t, data.uploads, data.queue_depth];
      if (plot) {
        plot.setData(rows);
        return;
      }
      plot = new uPlot({
        width: Math.max(320, box.clientWidth - 8),
        height: 260,
        scales: { x: { time: true }, depth: {} },
        series: [
          {},
          { label: "uploads / min", stroke: "#1f7a4d", fill: "rgba(31,122,77,0.12)", width: 2 },
          { label: "queue depth", stroke: "#c0562b", scale: "depth", width: 2 }
        ],
        axes: [
          {},
          { label: "uploads / min" },
          { label: "queue depth", scale: "depth", side: 1, grid: { show: false } }
        ]
      }, rows, box);
    }
    function load() {
      fetch(box.getAttribute("data-src"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) draw(data); })
        .catch(function () {});
    }
    load();
    setInterval(load, 60000);
  }

  function tryForm(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = document.getElementById("try-file");
      var file = input.files && input.files[0];
      var out = document.getElementById("try-result");
      if (!file) return;
      var choice = document.getElementById("try-with").value;
      var query = "?name=" + encodeURIComponent(file.name);
      if (choice.indexOf("folder:") === 0) query += "&folder=" + encodeURIComponent(choice.slice(7));
      if (choice.indexOf("converter:") === 0) query += "&converter=" + encodeURIComponent(choice.slice(10));
      out.textContent = "Converting…";
      fetch(form.getAttribute("action") + query, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf(), "Content-Type": "application/octet-stream" },
        body: file
      })
        .then(function (r) { return r.text(); })
        .then(function (html) { out.innerHTML = html; })
        .catch(function (e) { out.textContent = "The request failed: " + e; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("chart");
    if (box && window.uPlot) chart(box);
    var form = document.getElementById("try-form");
    if (form) tryForm(form);
  });
})();
