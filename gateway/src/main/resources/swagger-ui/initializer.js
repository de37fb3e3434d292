// Swagger UI as the admin UI's logged-in user: the credentials the admin UI keeps for this browser tab
// (sessionStorage, js/api.js) go with every request Swagger UI makes, reading the documents and "try it out".
// Authorize replaces them for a call; without a login the page says where to log in.
window.onload = async () => {
  const login = JSON.parse(sessionStorage.getItem('did-platform.auth') || 'null');
  const withLogin = (request) => {
    if (login && !request.headers.Authorization) request.headers.Authorization = login.header;
    return request;
  };
  const response = await fetch('/v3/api-docs/swagger-config', { headers: login ? { Authorization: login.header } : {} });
  if (!response.ok) {
    const page = document.getElementById('swagger-ui');
    page.innerHTML = '<p style="font: 16px sans-serif; margin: 3em">The API documents need a login: log in to the '
      + '<a href="/">admin UI</a>, then open <strong>API</strong> at its top right, in the same tab.</p>';
    return;
  }
  const { configUrl, ...config } = await response.json();
  window.ui = SwaggerUIBundle({
    ...config,
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    requestInterceptor: withLogin,
  });
};
