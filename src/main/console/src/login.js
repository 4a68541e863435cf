import './style.css';
import { api, ApiError } from './api.js';
import { t, translatePage } from './i18n.js';

translatePage();
const form = document.getElementById('login-form');
const err = document.getElementById('login-error');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  err.hidden = true;
  try {
    await api('POST', '/login', { token: document.getElementById('token').value });
    location.href = '/console/';
  } catch (x) {
    // 429 only ever answers a wrong token (a right one always gets in): say both.
    const status = x instanceof ApiError ? x.status : 0;
    err.textContent = status === 401 ? t('login.wrong') : status === 429 ? t('login.throttled') : t('login.failed');
    err.hidden = false;
  }
});
