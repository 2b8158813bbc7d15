// wagtail-localize's translation editor writes two labels in English whatever the admin
// language ("Русский to Қазақша translation", "More actions"): its JavaScript does not pass
// them through gettext. This replaces them with the labels Django translated, given on the
// script tag (news/wagtail_hooks.py), as the editor renders them.
(function () {
  "use strict";
  var script = document.currentScript;
  var heading = script.dataset.heading; // e.g. "Перевод: %(source)s → %(target)s"
  var moreActions = script.dataset.moreActions;
  var pattern = /^(.+) to (.+) translation$/;

  function relabel(root) {
    root.querySelectorAll("h1, h2, h3, .w-sr-only").forEach(function (element) {
      var text = element.textContent.trim();
      var match = pattern.exec(text);
      if (match && element.children.length === 0) {
        element.textContent = heading.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
      } else if (text === "More actions" && moreActions) {
        element.textContent = moreActions;
      }
    });
  }

  function start() {
    var editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    relabel(editor);
    new MutationObserver(function () {
      relabel(editor);
    }).observe(editor, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
