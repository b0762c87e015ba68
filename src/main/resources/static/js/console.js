// Sends the CSRF token with every state-changing htmx request (the token is in the layout's meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// Copy buttons ([data-copy-target] names the element whose text is copied) stay hidden unless the browser offers the
// Clipboard API; without JavaScript the Download link remains.
if (navigator.clipboard) {
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    button.hidden = false;
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    var source = button && document.getElementById(button.dataset.copyTarget);
    if (!source) {
      return;
    }
    navigator.clipboard.writeText(source.textContent).then(function () {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });
}
