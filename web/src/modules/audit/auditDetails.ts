/**
 * Puts an audit row's details into words for the privacy officer: what changed, why a sign-in
 * failed, which fields. Codes the web app has no words for yet are shown as they are.
 */
type Translate = (key: string) => string | null;

export function describeDetails(details: Record<string, unknown>, tMaybe: Translate): string {
  const parts: string[] = [];
  const change = details.change;
  if (typeof change === 'string') parts.push(tMaybe(`audit.change.${change}`) ?? change);
  const reason = details.reason;
  if (typeof reason === 'string') parts.push(tMaybe(`audit.reason.${reason}`) ?? reason);
  const fields = details.fields;
  if (Array.isArray(fields) && fields.length > 0) parts.push(`${tMaybe('audit.detail.fields') ?? 'fields'}: ${fields.join(', ')}`);
  const roles = details.roles;
  if (Array.isArray(roles) && roles.length > 0) parts.push(roles.map((role) => tMaybe(`role.${String(role)}`) ?? String(role)).join(', '));
  if (typeof details.from === 'string' && typeof details.to === 'string') {
    parts.push(`${tMaybe(`phase.${details.from}`) ?? details.from} → ${tMaybe(`phase.${details.to}`) ?? details.to}`);
  }
  return parts.join(' · ');
}
