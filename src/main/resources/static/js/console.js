// Sends the CSRF token with every state-changing htmx request (the token is in the layout's meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// Search boxes of pickers: <input data-filter="ID"> hides the entries (data-filter-text, lower case) of the element
// #ID that do not contain what is typed, and the groups (data-filter-group) left without a visible entry. Without
// JavaScript every entry stays visible.
document.addEventListener('input', function (event) {
  var list = event.target.dataset.filter && document.getElementById(event.target.dataset.filter);
  if (!list) {
    return;
  }
  var text = event.target.value.trim().toLowerCase();
  list.querySelectorAll('[data-filter-text]').forEach(function (entry) {
    entry.hidden = entry.dataset.filterText.indexOf(text) < 0;
  });
  list.querySelectorAll('[data-filter-group]').forEach(function (group) {
    group.hidden = !group.querySelector('[data-filter-text]:not([hidden])');
  });
});
