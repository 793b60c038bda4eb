import { h, field, show, errorBox } from '../dom.js';
import { login, signup, post } from '../api.js';

function afterSignIn() {
  const next = sessionStorage.getItem('after-login') ?? '#/characters';
  sessionStorage.removeItem('after-login');
  location.hash = next;
}

export function loginView() {
  const error = errorBox();
  const identifier = h('input', { name: 'identifier', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    { class: 'card narrow', id: 'login-form' },
    field('Username, email or phone', identifier),
    field('Password', password),
    error.element,
    h('button', { type: 'submit', class: 'primary' }, 'Log in'),
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.clear();
    try {
      await login(identifier.value.trim(), password.value);
      afterSignIn();
    } catch (e) {
      error.show(e.slug === 'locked' ? `Too many attempts. ${e.message}` : e.message);
    }
  });
  show('Log in', form);
}

export function signupView() {
  const error = errorBox();
  const input = (name, attributes = {}) => h('input', { name, required: true, ...attributes });
  const controls = {
    first_name: input('first_name', { autocomplete: 'given-name' }),
    last_name: input('last_name', { autocomplete: 'family-name' }),
    email: input('email', { type: 'email', autocomplete: 'email' }),
    username: input('username', { autocomplete: 'username', pattern: '[A-Za-z0-9_.\\-]{3,50}' }),
    phone_number: input('phone_number', { type: 'tel', autocomplete: 'tel' }),
    gender: h(
      'select',
      { name: 'gender', required: true },
      h('option', { value: '' }, 'Choose…'),
      h('option', { value: 'female' }, 'Female'),
      h('option', { value: 'male' }, 'Male'),
      h('option', { value: 'other' }, 'Other'),
    ),
    age: input('age', { type: 'number', min: 13, max: 120, inputmode: 'numeric' }),
    password: input('password', { type: 'password', autocomplete: 'new-password', minlength: 8 }),
  };
  const form = h(
    'form',
    { class: 'card narrow', id: 'signup-form' },
    h('div', { class: 'row' }, field('First name', controls.first_name), field('Last name', controls.last_name)),
    field('Email', controls.email),
    field('Username', controls.username, '3–30 letters, digits, dots or underscores, at least one letter'),
    field('Phone number', controls.phone_number, 'With the country code, e.g. +91 98765 43210'),
    h('div', { class: 'row' }, field('Gender', controls.gender), field('Age', controls.age)),
    field('Password', controls.password, 'At least 8 characters; not a common password'),
    error.element,
    h('button', { type: 'submit', class: 'primary' }, 'Sign up'),
    h('p', {}, 'Have an account? ', h('a', { href: '#/login' }, 'Log in')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.clear();
    const body = Object.fromEntries(Object.entries(controls).map(([name, control]) => [name, control.value.trim()]));
    body.age = Number(body.age);
    body.password = controls.password.value;
    try {
      await signup(body);
      afterSignIn();
    } catch (e) {
      error.show(e.message);
    }
  });
  show('Create your account', form);
}

/** The pages mailed links open: they post the link's token to the API. */
export function accountLinkView(page, token) {
  const pages = {
    'verify-email': ['Verify your email', '/auth/email/verify', 'Your email address is verified.'],
    'confirm-email': ['Confirm your new email', '/auth/email/change/confirm', 'Your email address has changed.'],
    'reset-password': ['Choose a new password', '/auth/password/reset', 'Your password has changed. Log in again.'],
  };
  const [title, path, done] = pages[page] ?? ['Not found', null, null];
  const error = errorBox();
  const result = h('p', { role: 'status' });
  const back = h('p', {}, h('a', { href: '/app/#/login' }, 'Go to the app'));
  if (!path || !token) {
    show(title, h('p', {}, 'This link is not complete.'), back);
    return;
  }
  const submit = async (body) => {
    error.clear();
    try {
      await post(path, body);
      result.textContent = done;
    } catch (e) {
      error.show(e.message);
    }
  };
  if (page === 'reset-password') {
    const password = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
    const form = h('form', { class: 'card narrow' }, field('New password', password), error.element,
      h('button', { type: 'submit', class: 'primary' }, 'Save password'), result);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit({ token, new_password: password.value });
    });
    show(title, form, back);
  } else {
    show(title, result, error.element, back);
    submit({ token });
  }
}
