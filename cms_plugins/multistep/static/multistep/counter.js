// Live character counters for answers with a stated limit (data-limit).
// Only counts: the server decides, so a pasted text is never cut. A line break
// counts once, as the server counts it.
document.querySelectorAll("[data-limit]").forEach(function (field) {
  var limit = parseInt(field.dataset.limit, 10);
  var counter = document.createElement("p");
  counter.className = "hint counter";
  counter.id = field.id + "_counter";
  counter.setAttribute("aria-live", "polite");
  field.insertAdjacentElement("afterend", counter);
  function update() {
    var count = field.value.replace(/\r\n?/g, "\n").trim().length;
    var over = count - limit;
    var text = over > 0 ? field.dataset.counterOver : field.dataset.counter;
    counter.textContent = text.replace("%(count)s", count).replace("%(limit)s", limit).replace("%(over)s", over);
    counter.classList.toggle("over", over > 0);
  }
  field.addEventListener("input", update);
  update();
});
