// The HTML report's only script (oars, src/report/html/page.js). The overview of a batch is
// written last, when every file is done; this moves it to the top. Escape hides the tooltip
// of the focused code chip (WCAG 1.4.13); moving focus shows tooltips again.
(function () {
  var overview = document.getElementById("overview");
  var first = document.querySelector("main > section.file, main > section.error");
  if (overview && first) first.parentNode.insertBefore(overview, first);
  document.addEventListener("keydown", function (event) {
    var el = document.activeElement;
    if (event.key === "Escape" && el && el.classList && el.classList.contains("c")) el.classList.add("tip-off");
  });
  document.addEventListener("focusout", function (event) {
    if (event.target && event.target.classList) event.target.classList.remove("tip-off");
  });
})();
