// One language's column of the message catalogue, made by the build (web/scripts/messagesByLanguage.ts).
declare module 'virtual:bridgeway-messages/*' {
  const messages: Readonly<Record<string, string>>;
  export default messages;
}
