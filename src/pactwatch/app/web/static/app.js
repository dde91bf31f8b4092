// pactwatch serve: conveniences over pages that work without JavaScript. Loaded from this server
// only (the Content-Security-Policy forbids inline and foreign scripts); reads nothing from the data.
(function () {
  "use strict";
  // a click on a chart legend hides or shows that category's bars
  document.querySelectorAll("svg.chart").forEach(function (chart) {
    chart.querySelectorAll(".legend").forEach(function (item) {
      item.addEventListener("click", function () {
        var series = item.getAttribute("data-series");
        var off = item.classList.toggle("off");
        chart.querySelectorAll(".series-" + series).forEach(function (bar) {
          bar.classList.toggle("hidden", off);
        });
      });
    });
  });
  // a changed select in a filter form applies the filters at once
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) { select.form.submit(); }
    });
  });
})();
