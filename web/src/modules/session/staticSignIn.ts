// What was typed into index.html's static sign-in form (public/first-paint.js shows it on
// /sign-in before the app has arrived), handed to the app's sign-in form when it takes over.
import { bootSignInShown, releaseBootShell } from '../../app/bootShell.ts';

export interface TypedBeforeTakeover {
  email: string;
  password: string;
  /** The field the person was in, to put them back there. */
  focus: 'email' | 'password' | 'submit' | null;
  /** They pressed "Sign in" before the app had arrived. */
  submitted: boolean;
}

/**
 * Reads the static form (the typed email and password, where the focus was, whether it was
 * sent) and removes it, showing the app's form. Called in the app form's first layout effect,
 * so nothing typed can fall between the two. The password is only read from the field and the
 * field emptied: it is never stored. Null when there is no static form (any later render).
 */
export function takeOverStaticSignIn(): TypedBeforeTakeover | null {
  if (!bootSignInShown()) return null;
  const form = document.getElementById('boot-form');
  const email = document.getElementById('boot-email');
  const password = document.getElementById('boot-password');
  if (!(form instanceof HTMLFormElement && email instanceof HTMLInputElement && password instanceof HTMLInputElement)) {
    releaseBootShell();
    return null;
  }
  const active = document.activeElement;
  const typed: TypedBeforeTakeover = {
    email: email.value,
    password: password.value,
    focus: active === email ? 'email' : active === password ? 'password' : active !== null && form.contains(active) ? 'submit' : null,
    submitted: form.hasAttribute('data-submitted'),
  };
  password.value = '';
  releaseBootShell();
  return typed;
}
