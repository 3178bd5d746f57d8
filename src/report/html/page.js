// The HTML report's only script (oars, src/report/html/page.js).
// 1. The overview of a batch is written last, when every file is done: move it to the top.
// 2. Code chips: each names its description (code, rule, confidence…) with aria-describedby,
//    which screen readers read; this shows the same text as a tooltip beside the chip on hover
//    and keyboard focus, and Escape hides it (WCAG 1.4.13).
(function () {
  var overview = document.getElementById("overview");
  var first = document.querySelector("main > section.file, main > section.error");
  if (overview && first) first.parentNode.insertBefore(overview, first);

  var tip = document.createElement("div");
  tip.id = "oars-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);

  function chipOf(node) {
    return node && node.closest ? node.closest("button.c") : null;
  }
  function show(chip) {
    var ids = (chip.getAttribute("aria-describedby") || "").split(" ");
    var parts = [];
    for (var i = 0; i < ids.length; i++) {
      var d = ids[i] && document.getElementById(ids[i]);
      if (d) parts.push(d.textContent);
    }
    tip.textContent = parts.join(" · ");
    // The tooltip hangs off <body>: it speaks the language of the chip's section.
    var speaking = chip.closest("[lang]");
    tip.lang = speaking ? speaking.lang : "";
    tip.hidden = false;
    var box = chip.getBoundingClientRect();
    var left = Math.max(4, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + "px";
    tip.style.top = box.bottom + window.scrollY + 4 + "px";
  }
  function hide() {
    tip.hidden = true;
  }
  document.addEventListener("focusin", function (event) {
    var chip = chipOf(event.target);
    if (chip) show(chip);
    else hide();
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("mouseover", function (event) {
    var chip = chipOf(event.target);
    if (chip) show(chip);
    else if (!chipOf(document.activeElement)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();
