import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldProblem, Problem } from '../api/problem.ts';
import { messagesIn } from '../app/catalogue.ts';
import { createTranslator } from '../i18n/translate.ts';
import { describeFieldProblem, describeProblem, fieldProblemKeys, problemKeys } from './problemText.ts';

const es = createTranslator(messagesIn('es')).tMaybe;
const en = createTranslator(messagesIn('en')).tMaybe;

test('a problem is explained by its code, else its type, else its status, never by its English detail', () => {
  const cases: [Partial<Problem> & Pick<Problem, 'type' | 'status'>, string][] = [
    [
      { type: '/api/problems/stale-version', status: 409, code: 'stale-version' },
      'Otra persona cambió este registro mientras usted trabajaba en él.',
    ],
    [{ type: '/api/problems/not-found', status: 404 }, 'No se encontró este registro. Puede que lo hayan quitado.'],
    // A code the web app does not know yet: the type's words.
    [
      { type: '/api/problems/rule-violation', status: 422, code: 'a-rule-from-the-future', detail: 'English detail' },
      'Bridgeway no puede hacer esto porque va en contra de una de sus reglas.',
    ],
    // A type the web app does not know: the status's words.
    [
      { type: '/api/problems/something-new', status: 409, detail: 'English detail' },
      'Esto no concuerda con el estado actual de los registros. Vuelva a cargar la página, revíselos e intente de nuevo.',
    ],
    [
      { type: 'about:blank', status: 502 },
      'Hubo un problema en el servidor. Intente de nuevo en un momento. Si sigue pasando, avísele a quien administra Bridgeway.',
    ],
    [
      { type: '/api/problems/internal', status: 500, code: 'internal' },
      'Hubo un problema en el servidor. Intente de nuevo en un momento. Si sigue pasando, avísele a quien administra Bridgeway.',
    ],
    // A busy server is not a server error: it says to wait a moment.
    [
      { type: '/api/problems/unavailable', status: 503, code: 'server-busy' },
      'Bridgeway está muy ocupado en este momento. Espere unos segundos e intente de nuevo.',
    ],
    // A database that is down is not "something went wrong": nothing reads or saves, try again later.
    [
      { type: '/api/problems/unavailable', status: 503, code: 'unavailable' },
      'Bridgeway no puede conectarse con su base de datos en este momento: no se puede consultar ni guardar nada. Intente de nuevo en un minuto. Si sigue pasando, avísele a quien administra Bridgeway.',
    ],
    [{ type: '/api/problems/network', status: 0 }, 'No se puede conectar con Bridgeway. Revise su conexión a internet e intente de nuevo.'],
    [{ type: 'about:blank', status: 418 }, 'Pasó algo inesperado. Intente de nuevo.'],
  ];
  for (const [problem, expected] of cases) {
    assert.equal(describeProblem({ title: 'English title', ...problem }, es), expected, JSON.stringify(problem));
  }
  assert.equal(
    describeProblem({ type: '/api/problems/unavailable', title: 'Server busy', status: 503, code: 'server-busy' }, en),
    'Bridgeway is very busy right now. Wait a few seconds and try again.',
  );
  assert.deepEqual(problemKeys({ type: '/api/problems/conflict', title: '', status: 409, code: 'email-taken' }), [
    'problem.email-taken',
    'problem.conflict',
    'problem.unexpected',
  ]);
});

test('a field error is explained by its code, worded for its field or format when there are such words, with its params', () => {
  const cases: [FieldProblem, string, string][] = [
    [
      { path: '/legalLastName', message: 'x', code: 'too-long', params: { max: 100 } },
      'Use 100 characters or fewer.',
      'Use 100 caracteres o menos.',
    ],
    [
      { path: '/email', message: 'x', code: 'format', params: { format: 'email' } },
      'Enter a valid email address, like name@example.org.',
      'Escriba un correo electrónico válido, como nombre@ejemplo.org.',
    ],
    [{ path: '/startDate', message: 'x', code: 'format', params: { format: 'date' } }, 'Enter a valid date.', 'Escriba una fecha válida.'],
    [
      { path: '/id', message: 'x', code: 'format', params: { format: 'uuid' } },
      'This is not in the expected form.',
      'Este dato no tiene el formato esperado.',
    ],
    [
      { path: '/totp', message: 'x', code: 'pattern' },
      'Enter the 6 digits your app shows.',
      'Escriba los 6 números que muestra su aplicación.',
    ],
    [
      { path: '/phones/1/number', message: 'x', code: 'pattern' },
      'Use only digits, spaces and the signs + ( ) - .',
      'Use solo números, espacios y los signos + ( ) - .',
    ],
    [{ path: '/roles', message: 'x', code: 'too-few-items', params: { min: 1 } }, 'Choose at least 1.', 'Elija al menos 1.'],
    // Unknown code or none at all: a plain "check this value", never the English message.
    [{ path: '/note', message: 'is wrong somehow', code: 'new-code-nobody-knows' }, 'Check this value.', 'Revise este dato.'],
    [{ path: '/note', message: 'is wrong somehow' }, 'Check this value.', 'Revise este dato.'],
  ];
  for (const [error, english, spanish] of cases) {
    assert.equal(describeFieldProblem(error, en), english, JSON.stringify(error));
    assert.equal(describeFieldProblem(error, es), spanish, JSON.stringify(error));
  }
  assert.deepEqual(fieldProblemKeys({ path: '/startDate', message: '', code: 'placement-overlap' }), [
    'field.placement-overlap.startDate',
    'field.placement-overlap',
    'problem.placement-overlap',
    'field.invalid',
  ]);
});

test('params are formatted before they are put into words', () => {
  const error: FieldProblem = { path: '/note', message: '', code: 'too-long', params: { max: 2000 } };
  assert.equal(
    describeFieldProblem(error, en, (params) => ({ ...params, max: '2,000' })),
    'Use 2,000 characters or fewer.',
  );
});
