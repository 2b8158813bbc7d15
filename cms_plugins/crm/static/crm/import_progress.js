// Live progress of a background import: polls the page's JSON (same origin, same
// permission) and moves the bar; reloads once the import has ended, to show the result.
// Without JavaScript the page's <noscript> refresh does the same, more coarsely.
(function () {
  "use strict";
  var section = document.getElementById("import-progress");
  if (!section || !window.fetch) {
    return;
  }
  var bar = document.getElementById("import-progress-bar");
  var label = document.getElementById("import-progress-label");
  var url = section.getAttribute("data-progress-url");
  var template = section.getAttribute("data-rows-label");

  function show(data) {
    bar.max = data.rows;
    bar.value = data.rows_done;
    bar.textContent = data.rows_done + "/" + data.rows;
    if (template) {
      label.textContent = template.replace("__DONE__", data.rows_done).replace("__TOTAL__", data.rows);
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        show(data);
        if (data.state === "queued" || data.state === "running") {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
