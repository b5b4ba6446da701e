// app.js — small progressive enhancements; every page works without it.
// Loaded with `defer` from the page head; the Content-Security-Policy allows no inline script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // After a refused form, move focus to the error summary so screen readers announce it.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});
