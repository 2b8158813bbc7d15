// Wagtail's page editor counts the errors of each tab once, when the tabs start, and
// StreamField blocks (a call's form steps) draw their errors later: a refused publish
// then leaves the tab unmarked, and "Go to the first error" cannot focus an error in
// a hidden tab. Recount once the blocks are drawn, and show the error's tab first.
(function () {
  var ERRORS = ":not([hidden]):is(.error-message,.help-critical)";

  function recount() {
    var app = window.wagtail && window.wagtail.app;
    if (!app) return;
    document.querySelectorAll(".w-tabs__errors[data-controller~='w-count']").forEach(function (element) {
      var counter = app.getControllerForElementAndIdentifier(element, "w-count");
      if (counter) counter.count();
    });
  }

  function revealFirstError() {
    var error = document.querySelector("main " + ERRORS);
    if (!error) return;
    var panel = error.closest("[role=tabpanel]");
    if (panel && panel.hidden) {
      var tab = document.querySelector("[role=tab][aria-controls='" + panel.id + "']");
      if (tab) tab.click();
    }
    // open any collapsed block or panel on the way to the error
    for (var node = error.parentElement; node; node = node.parentElement) {
      if (node.hidden && node.id) {
        var toggle = document.querySelector("[aria-controls='" + node.id + "'][aria-expanded=false]");
        if (toggle) toggle.click();
      }
    }
  }

  document.addEventListener(
    "click",
    function (event) {
      if (event.target.closest("[data-controller~='w-focus']")) revealFirstError();
    },
    true,
  );
  window.addEventListener("load", function () {
    recount();
    window.setTimeout(recount, 500);
  });
})();
