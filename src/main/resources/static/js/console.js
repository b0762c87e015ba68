// Sends the CSRF token with every state-changing htmx request (the token is in the layout's meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// Wizard pages work without JavaScript: every optional part is shown, with a note (data-without-js) saying when it
// counts. With JavaScript, an element with data-shown-with="<checkbox id>" is shown only while that checkbox is
// ticked, and the "applies to" sentences say "none" when none of their names is shown.
(function () {
  function refresh() {
    document.querySelectorAll('[data-shown-with]').forEach(function (element) {
      var checkbox = document.getElementById(element.getAttribute('data-shown-with'));
      if (checkbox) {
        element.hidden = !checkbox.checked;
      }
    });
    document.querySelectorAll('.applies-to').forEach(function (sentence) {
      var any = sentence.querySelector('.applies-to-list > :not([hidden])') !== null;
      sentence.querySelector('.applies-to-some').hidden = !any;
      sentence.querySelector('.applies-to-none').hidden = any;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!document.querySelector('[data-shown-with]')) {
      return;
    }
    document.querySelectorAll('[data-without-js]').forEach(function (note) {
      note.hidden = true;
    });
    refresh();
    document.addEventListener('change', function (event) {
      if (event.target.matches('input[type="checkbox"]')) {
        refresh();
      }
    });
  });
})();
