/**
 * Given names that are often the same person (Bill and William, Lupe and Guadalupe): used to
 * find possible duplicate records. Our own short list of common English and Spanish forms;
 * compared after folding (lower case, no accents).
 */
const GROUPS: readonly string[][] = [
  ['william', 'will', 'bill', 'billy', 'willy', 'liam'],
  ['robert', 'rob', 'bob', 'bobby', 'robbie'],
  ['richard', 'rick', 'ricky', 'rich', 'dick'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['joseph', 'joe', 'joey'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['thomas', 'tom', 'tommy'],
  ['charles', 'charlie', 'chuck'],
  ['christopher', 'chris'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davey'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['elizabeth', 'liz', 'beth', 'betty', 'eliza', 'lisa', 'libby'],
  ['margaret', 'maggie', 'meg', 'peggy', 'marge'],
  ['katherine', 'catherine', 'kate', 'katie', 'kathy', 'cathy', 'kat'],
  ['jennifer', 'jen', 'jenny'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['susan', 'sue', 'susie'],
  ['deborah', 'deb', 'debbie'],
  ['rebecca', 'becky', 'becca'],
  ['jessica', 'jess', 'jessie'],
  ['alexander', 'alex', 'xander'],
  ['alexandra', 'alex', 'sandra', 'sandy'],
  ['andrew', 'andy', 'drew'],
  ['anthony', 'tony'],
  ['benjamin', 'ben', 'benny'],
  ['nicholas', 'nick', 'nicky'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammie'],
  ['steven', 'stephen', 'steve'],
  ['timothy', 'tim', 'timmy'],
  ['matthew', 'matt'],
  ['gregory', 'greg'],
  ['jonathan', 'jon', 'jonny'],
  ['joshua', 'josh'],
  ['zachary', 'zach', 'zack'],
  ['kenneth', 'ken', 'kenny'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['raymond', 'ray'],
  ['lawrence', 'larry'],
  ['gerald', 'gerry', 'jerry'],
  ['henry', 'hank', 'harry'],
  ['frederick', 'fred', 'freddie'],
  ['peter', 'pete'],
  ['philip', 'phil'],
  ['victoria', 'vicky', 'tori'],
  ['virginia', 'ginny'],
  ['dorothy', 'dot', 'dottie'],
  ['theresa', 'teresa', 'terri', 'tess'],
  ['abigail', 'abby'],
  ['christina', 'christine', 'tina'],
  ['kimberly', 'kim'],
  ['pamela', 'pam'],
  ['cynthia', 'cindy'],
  ['melissa', 'missy'],
  ['amanda', 'mandy'],
  ['stephanie', 'steph'],
  ['jose', 'pepe', 'chepe'],
  ['francisco', 'paco', 'pancho', 'frank'],
  ['francis', 'frank', 'frankie'],
  ['guadalupe', 'lupe', 'lupita'],
  ['jesus', 'chuy'],
  ['ignacio', 'nacho'],
  ['enrique', 'quique'],
  ['roberto', 'beto'],
  ['alberto', 'beto'],
  ['alejandro', 'alex', 'alejo'],
  ['eduardo', 'lalo'],
  ['guillermo', 'memo'],
  ['manuel', 'manolo', 'manny'],
  ['dolores', 'lola'],
  ['concepcion', 'concha', 'conchita'],
  ['rosario', 'chayo'],
  ['antonio', 'tono', 'tony'],
  ['rafael', 'rafa'],
  ['fernando', 'nando'],
  ['josefina', 'pepita', 'fina'],
  ['ricardo', 'ricky'],
  ['gabriela', 'gaby'],
];

function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

const byName = new Map<string, Set<string>>();
for (const group of GROUPS) {
  for (const name of group) {
    const set = byName.get(name) ?? new Set<string>();
    for (const other of group) if (other !== name) set.add(other);
    byName.set(name, set);
  }
}

/** Other forms of a given name (not including the name itself). */
export function nicknamesOf(givenName: string): string[] {
  return [...(byName.get(fold(givenName)) ?? [])];
}
