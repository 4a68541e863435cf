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
    err.textContent = x instanceof ApiError && x.status === 401 ? t('login.wrong') : t('login.failed');
    err.hidden = false;
  }
});
