// One word per concept, in English and US Spanish (docs/glossary.md explains each choice).
// Pure data: glossary.test.ts holds every Spanish message of the app to it, and checks that
// docs/glossary.md shows the same terms, so the page and the rule cannot drift apart.

/** Where a Spanish term comes from (docs/glossary.md "Sources"). */
type GlossarySource = 'samhsa-nssats' | 'samhsa-bup' | 'medlineplus' | 'asam' | 'texas-hhs' | 'decision';

export interface GlossaryTerm {
  /** The concept as staff name it in English. */
  en: string;
  /** The one Spanish term: role and status labels carry "(a)". */
  es: string;
  /** Plain-language Spanish for text patients read (plans, consents, letters), when it differs. */
  plain?: string;
  source: GlossarySource;
  /** Message keys whose Spanish must be exactly `es` (labels that name the concept alone). */
  keys?: readonly string[];
}

export interface BannedVariant {
  /** Matched against every Spanish message and every string in the source. */
  pattern: RegExp;
  /** A text the pattern catches (the test proves it does). */
  example: string;
  /** What to write instead. */
  instead: string;
  /** Message keys where the variant is the right word (the concept it names is another). */
  allowedIn?: readonly string[];
}

export const glossary: readonly GlossaryTerm[] = [
  // People and roles: "(a)" on labels; prose names the person or uses neutral wording.
  {
    en: 'Case manager',
    es: 'Administrador(a) de casos',
    plain: 'su administrador(a) de casos',
    source: 'decision',
    keys: ['role.case-manager', 'careTeamRole.case-manager'],
  },
  {
    en: 'Primary case manager',
    es: 'Administrador(a) de casos principal',
    plain: 'su contacto principal',
    source: 'decision',
    keys: ['careTeamRole.primary-case-manager', 'openEpisode.primaryCaseManager'],
  },
  { en: 'Case management', es: 'Administración de casos', source: 'decision' },
  { en: 'Administrator (the system role)', es: 'Administrador(a) del sistema', source: 'decision', keys: ['role.admin'] },
  { en: 'Supervisor', es: 'Supervisor(a)', plain: 'quien supervisa el programa', source: 'decision', keys: ['role.supervisor'] },
  {
    en: 'Nurse care manager',
    es: 'Enfermero(a) coordinador(a) de atención',
    plain: 'su enfermero(a)',
    source: 'decision',
    keys: ['role.nurse-care-manager', 'careTeamRole.nurse-care-manager'],
  },
  {
    en: 'Peer recovery specialist',
    es: 'Especialista de apoyo entre pares',
    plain: 'especialista de apoyo entre pares (alguien que también vivió la recuperación)',
    source: 'texas-hhs',
    keys: ['role.peer-recovery-specialist', 'careTeamRole.peer-recovery-specialist'],
  },
  {
    en: 'Community health worker',
    es: 'Promotor(a) de salud',
    source: 'decision',
    keys: ['role.community-health-worker', 'careTeamRole.community-health-worker'],
  },
  {
    en: 'Prescriber',
    es: 'Profesional que receta',
    plain: 'quien le receta el medicamento',
    source: 'decision',
    keys: ['role.prescriber', 'careTeamRole.prescriber'],
  },
  { en: 'Counselor', es: 'Consejero(a)', source: 'samhsa-bup', keys: ['role.counselor', 'careTeamRole.counselor'] },
  { en: 'Privacy officer', es: 'Oficial de privacidad', source: 'decision', keys: ['role.privacy-officer'] },
  {
    en: 'Probation or parole officer',
    es: 'Oficial de libertad a prueba o condicional',
    source: 'decision',
    keys: ['careTeamRole.probation-officer'],
  },
  { en: 'Staff / staff member', es: 'Personal / miembro del personal', source: 'decision' },

  // Care
  { en: 'Patient record', es: 'Expediente', source: 'decision' },
  { en: 'Registration (of a patient)', es: 'Registro', source: 'decision' },
  { en: 'Episode of care', es: 'Episodio de atención', source: 'decision' },
  { en: 'Care team', es: 'Equipo de atención', source: 'decision', keys: ['episode.section.team'] },
  { en: 'Level of care', es: 'Nivel de atención', source: 'samhsa-nssats', keys: ['placement.level'] },
  {
    en: 'Handoff / hand over',
    es: 'Traspaso / pasar el caso',
    plain: 'cambio de administrador(a) de casos',
    source: 'decision',
    keys: ['handoff.on'],
  },
  { en: 'Referral / referred by', es: 'Referido / referido por', source: 'decision', keys: ['openEpisode.referralSource'] },
  { en: 'Outreach', es: 'Acercamiento', source: 'decision', keys: ['phase.outreach'] },
  { en: 'Intake', es: 'Admisión', source: 'decision', keys: ['phase.intake'] },
  { en: 'Continuing care', es: 'Atención continua', source: 'decision', keys: ['phase.continuing-care'] },
  { en: 'Outpatient', es: 'Ambulatorio', source: 'samhsa-nssats' },
  {
    en: 'Withdrawal management',
    es: 'Manejo del síndrome de abstinencia',
    plain: 'ayuda con los síntomas al dejar de usar',
    source: 'medlineplus',
    keys: ['level.other.withdrawal-management'],
  },
  {
    en: 'Opioid treatment program (OTP)',
    es: 'Programa de tratamiento para opioides (OTP)',
    source: 'samhsa-nssats',
    keys: ['level.other.otp'],
  },
  {
    en: 'Office-based opioid treatment (OBOT)',
    es: 'Tratamiento para opioides en consultorio (OBOT)',
    source: 'decision',
    keys: ['level.other.obot'],
  },
  { en: 'Inpatient (ASAM 3.7)', es: 'Internamiento', plain: 'quedarse en un centro de tratamiento', source: 'asam' },
  { en: 'Inpatient hospital (ASAM level 4)', es: 'Hospitalización', source: 'asam' },
  { en: 'Recovery housing', es: 'Vivienda de recuperación', source: 'decision', keys: ['level.other.recovery-housing'] },
  { en: 'Incarcerated (closure reason)', es: 'Está en la cárcel o prisión', source: 'decision', keys: ['closureReason.incarcerated'] },
  { en: 'Transferred to another program', es: 'Pasó a otro programa', source: 'decision', keys: ['closureReason.transferred'] },

  // Contact
  { en: 'Text messages', es: 'Mensajes de texto', source: 'decision' },
  {
    en: 'Voicemail OK',
    es: 'Se puede dejar mensaje de voz',
    source: 'decision',
    keys: ['patient.voicemailOk', 'patientForm.voicemailSafe'],
  },
  { en: 'Last name(s)', es: 'Apellido(s)', plain: 'apellidos (uno o dos)', source: 'decision' },

  // The system
  { en: 'Audit log', es: 'Historial de auditoría', source: 'decision', keys: ['nav.audit', 'audit.title'] },
  { en: 'Settings', es: 'Configuración', source: 'decision' },
  { en: 'Two-step sign-in', es: 'Verificación en dos pasos', source: 'decision', keys: ['account.mfa.title'] },
  { en: 'API key', es: 'Clave de API', source: 'decision', keys: ['apiKeys.secret.label'] },
  { en: 'Set-password link', es: 'Enlace para crear contraseña', source: 'decision', keys: ['staff.link.label'] },
];

/** Words that must not come back: each names a concept the glossary names otherwise. */
export const bannedVariants: readonly BannedVariant[] = [
  { pattern: /\bgestor(?:a|es|as)?\b/i, example: 'Gestor(a) de casos', instead: 'administrador(a) de casos' },
  {
    // "Administrador" alone collides: case manager or system administrator? Always say which.
    pattern: /\badministrador(?!(?:a|es|as)?(?:\((?:a|as)\))? (?:de casos|del sistema))/i,
    example: 'Pídale a su administrador de Bridgeway',
    instead: 'administrador(a) de casos, or administrador(a) del sistema',
  },
  {
    // One gender rule: a role named with a masculine article only reads as "a man" to many.
    pattern: /\b(?:un|el|al|del|nuevo|otro|los) (?:administrador|supervisor|supervisores|enfermero|consejero|promotor)\b(?!\(a\))/i,
    example: 'Pida a un supervisor que lo revise',
    instead: 'neutral wording ("quien supervisa el programa") or the label with (a)',
  },
  {
    pattern: /\badministrador de casos\b/i,
    example: 'Sin administrador de casos principal',
    instead: 'administrador(a) de casos',
  },
  { pattern: /\brecetador(?:a|es|as)?\b/i, example: 'Recetador', instead: 'profesional que receta' },
  {
    pattern: /\btransf(?:erencias?|erir|erid[oa]s?|ier[eao]n?|erible)\b/i,
    example: 'Fecha de la transferencia',
    instead: 'traspaso (a handoff); "Pasó a otro programa" is the closure reason',
    allowedIn: ['closureReason.transferred'],
  },
  { pattern: /\btextos\b/i, example: 'Acepta textos', instead: 'mensajes de texto' },
  { pattern: /\bajustes\b/i, example: 'Ajustes de la organización', instead: 'configuración' },
  { pattern: /\bregistro de auditor[ií]a\b/i, example: 'Registro de auditoría', instead: 'historial de auditoría' },
  {
    pattern: /\b3\.7(?:-WM)?\b[^.]*\bhospital/i,
    example: '3.7 Hospitalización intensiva con supervisión médica',
    instead: 'internamiento (hospitalización is level 4)',
  },
  { pattern: /\balcance\b/i, example: 'Alcance', instead: 'acercamiento' },
  {
    // To lay readers "abstinencia" alone means not using at all.
    pattern: /(?<!s[ií]ndrome de |s[ií]ntomas de )\babstinencia\b/i,
    example: 'Manejo de la abstinencia',
    instead: 'manejo del síndrome de abstinencia',
  },
  { pattern: /\btratamiento de opioides\b/i, example: 'Programa de tratamiento de opioides', instead: 'tratamiento para opioides' },
  { pattern: /\breferencia\b/i, example: 'Fecha de referencia', instead: 'referido' },
  { pattern: /\bencarcelad[oa]s?\b/i, example: 'Encarcelado', instead: 'Está en la cárcel o prisión' },
  {
    pattern: /\b(?:manejo|gesti[oó]n) de casos\b/i,
    example: 'Modelo de manejo de casos',
    instead: 'administración de casos',
  },
  {
    pattern: /\bespecialista en recuperaci[oó]n entre pares\b/i,
    example: 'Especialista en recuperación entre pares',
    instead: 'especialista de apoyo entre pares',
  },
  { pattern: /\bacepta mensajes de voz\b/i, example: 'Acepta mensajes de voz', instead: 'Se puede dejar mensaje de voz' },
  { pattern: /\bque usted puede ver\b/i, example: 'Ningún paciente que usted puede ver coincide', instead: 'que usted pueda ver' },
  { pattern: /\ba las 1:/i, example: 'a las 1:15', instead: 'a la 1:15 (format.atTime)' },
];
