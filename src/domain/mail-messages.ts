import type { InitiativeStatus } from './initiative.js';

/**
 * The message catalogues of the mails Pobratim sends, in the interface's languages (the web app's are in
 * web/src/i18n/messages). Serbian has one catalogue per script. A mail goes out in its recipient's
 * language: the one their account records (set from the web app), else English.
 */

export const mailLocales = ['en', 'hr', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'bg', 'sl', 'mk'] as const;
export type MailLocale = (typeof mailLocales)[number];

export function isMailLocale(value: unknown): value is MailLocale {
  return typeof value === 'string' && (mailLocales as readonly string[]).includes(value);
}

export type OrganisationRoleName = 'coordinator' | 'editor' | 'viewer';

/** Every text of every mail; `{name}` marks a value put in. */
export interface MailMessages {
  resetSubject: string;
  resetIntro: string;
  /** {minutes} */
  resetChoose: string;
  resetIgnore: string;
  inviteSubject: string;
  /** {name} */
  inviteBy: string;
  inviteAnonymous: string;
  /** Follows inviteBy or inviteAnonymous. */
  inviteWhat: string;
  inviteRoles: string;
  inviteAdmin: string;
  /** {role} {organisation} */
  inviteRole: string;
  /** {until} (a UTC date and time) */
  inviteAccept: string;
  inviteIgnore: string;
  roles: Record<OrganisationRoleName, string>;
  /** {title} */
  interestReceivedSubject: string;
  /** {organisation} {title} */
  interestReceivedLead: string;
  /** {title} */
  interestAcceptedSubject: string;
  interestDeclinedSubject: string;
  /** {organisation} {title} */
  interestAcceptedLead: string;
  interestDeclinedLead: string;
  /** {title} {to} */
  statusChangedSubject: string;
  /** {title} {from} {to} */
  statusChangedLead: string;
  /** {title} {deadline} */
  deadlineSubject: string;
  deadlineLead: string;
  /** Who has expressed interest when the notice does not name the organisation. */
  someOrganisation: string;
  notificationFooter: string;
  statuses: Record<InitiativeStatus, string>;
}

const en: MailMessages = {
  resetSubject: 'Reset your Pobratim password',
  resetIntro: 'Someone, hopefully you, asked to reset the password of your Pobratim account.',
  resetChoose: 'Choose a new password here (the link works once, for {minutes} minutes):',
  resetIgnore: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  inviteSubject: 'Your invitation to Pobratim',
  inviteBy: '{name} invited you',
  inviteAnonymous: 'You are invited',
  inviteWhat: 'to Pobratim, the registry of international cooperation of cities, municipalities and regions.',
  inviteRoles: 'Your account will be:',
  inviteAdmin: 'an administrator of Pobratim',
  inviteRole: '{role} for {organisation}',
  inviteAccept: 'Choose your name and password here to accept (the link works once, until {until} UTC):',
  inviteIgnore: 'If you did not expect this invitation, ignore this mail.',
  roles: { coordinator: 'coordinator', editor: 'editor', viewer: 'viewer' },
  interestReceivedSubject: 'Interest in “{title}”',
  interestReceivedLead:
    '{organisation} has expressed interest in your initiative “{title}”. Accept or decline it on the initiative’s page.',
  interestAcceptedSubject: 'Your interest in “{title}” was accepted',
  interestDeclinedSubject: 'Your interest in “{title}” was declined',
  interestAcceptedLead: 'The interest of {organisation} in the initiative “{title}” was accepted.',
  interestDeclinedLead: 'The interest of {organisation} in the initiative “{title}” was declined.',
  statusChangedSubject: '“{title}” is now: {to}',
  statusChangedLead: 'The initiative “{title}” moved from “{from}” to “{to}”.',
  deadlineSubject: 'The deadline of “{title}” is {deadline}',
  deadlineLead: 'The deadline of the initiative “{title}” is {deadline}: seven days or less from now.',
  someOrganisation: 'An organisation',
  notificationFooter:
    'You receive this because you have a role for an organisation taking part in it in Pobratim.',
  statuses: {
    draft: 'draft',
    open: 'open for partners',
    shortlisting: 'shortlisting',
    partners_confirmed: 'partners confirmed',
    submitted: 'submitted',
    funded: 'funded',
    not_funded: 'not funded',
    closed: 'closed',
    withdrawn: 'withdrawn',
  },
};

const hr: MailMessages = {
  resetSubject: 'Promjena lozinke za Pobratim',
  resetIntro: 'Netko, nadamo se vi, zatražio je promjenu lozinke vašeg računa u Pobratimu.',
  resetChoose: 'Ovdje odaberite novu lozinku (poveznica vrijedi jednom, {minutes} minuta):',
  resetIgnore: 'Ako to niste zatražili, zanemarite ovu poruku: vaša lozinka ostaje ista.',
  inviteSubject: 'Vaš poziv u Pobratim',
  inviteBy: '{name} vas poziva',
  inviteAnonymous: 'Pozvani ste',
  inviteWhat: 'u Pobratim, registar međunarodne suradnje gradova, općina i regija.',
  inviteRoles: 'Vaš račun imat će ove uloge:',
  inviteAdmin: 'administrator Pobratima',
  inviteRole: '{role} za {organisation}',
  inviteAccept:
    'Ovdje odaberite ime i lozinku kako biste prihvatili poziv (poveznica vrijedi jednom, do {until} UTC):',
  inviteIgnore: 'Ako niste očekivali ovaj poziv, zanemarite ovu poruku.',
  roles: { coordinator: 'koordinator', editor: 'urednik', viewer: 'čitatelj' },
  interestReceivedSubject: 'Interes za „{title}”',
  interestReceivedLead:
    '{organisation} iskazuje interes za vašu inicijativu „{title}”. Prihvatite ga ili odbijte na stranici inicijative.',
  interestAcceptedSubject: 'Vaš interes za „{title}” je prihvaćen',
  interestDeclinedSubject: 'Vaš interes za „{title}” je odbijen',
  interestAcceptedLead: 'Interes organizacije {organisation} za inicijativu „{title}” je prihvaćen.',
  interestDeclinedLead: 'Interes organizacije {organisation} za inicijativu „{title}” je odbijen.',
  statusChangedSubject: '„{title}”: {to}',
  statusChangedLead: 'Inicijativa „{title}” prešla je iz stanja „{from}” u stanje „{to}”.',
  deadlineSubject: 'Rok za „{title}” je {deadline}',
  deadlineLead: 'Rok inicijative „{title}” je {deadline}: za sedam dana ili manje.',
  someOrganisation: 'Jedna organizacija',
  notificationFooter: 'Ovu poruku primate jer imate ulogu u organizaciji koja u tome sudjeluje u Pobratimu.',
  statuses: {
    draft: 'nacrt',
    open: 'otvoreno za partnere',
    shortlisting: 'uži izbor',
    partners_confirmed: 'partneri potvrđeni',
    submitted: 'predano',
    funded: 'financirano',
    not_funded: 'nije financirano',
    closed: 'zatvoreno',
    withdrawn: 'povučeno',
  },
};

const srLatn: MailMessages = {
  resetSubject: 'Promena lozinke za Pobratim',
  resetIntro: 'Neko, nadamo se vi, zatražio je promenu lozinke vašeg naloga u Pobratimu.',
  resetChoose: 'Ovde izaberite novu lozinku (link važi jednom, {minutes} minuta):',
  resetIgnore: 'Ako to niste zatražili, zanemarite ovu poruku: vaša lozinka ostaje ista.',
  inviteSubject: 'Vaš poziv u Pobratim',
  inviteBy: '{name} vas poziva',
  inviteAnonymous: 'Pozvani ste',
  inviteWhat: 'u Pobratim, registar međunarodne saradnje gradova, opština i regiona.',
  inviteRoles: 'Vaš nalog imaće ove uloge:',
  inviteAdmin: 'administrator Pobratima',
  inviteRole: '{role} za {organisation}',
  inviteAccept: 'Ovde izaberite ime i lozinku da biste prihvatili poziv (link važi jednom, do {until} UTC):',
  inviteIgnore: 'Ako niste očekivali ovaj poziv, zanemarite ovu poruku.',
  roles: { coordinator: 'koordinator', editor: 'urednik', viewer: 'čitalac' },
  interestReceivedSubject: 'Interesovanje za „{title}”',
  interestReceivedLead:
    '{organisation} iskazuje interesovanje za vašu inicijativu „{title}”. Prihvatite ga ili odbijte na stranici inicijative.',
  interestAcceptedSubject: 'Vaše interesovanje za „{title}” je prihvaćeno',
  interestDeclinedSubject: 'Vaše interesovanje za „{title}” je odbijeno',
  interestAcceptedLead: 'Interesovanje organizacije {organisation} za inicijativu „{title}” je prihvaćeno.',
  interestDeclinedLead: 'Interesovanje organizacije {organisation} za inicijativu „{title}” je odbijeno.',
  statusChangedSubject: '„{title}”: {to}',
  statusChangedLead: 'Inicijativa „{title}” prešla je iz stanja „{from}” u stanje „{to}”.',
  deadlineSubject: 'Rok za „{title}” je {deadline}',
  deadlineLead: 'Rok inicijative „{title}” je {deadline}: za sedam dana ili manje.',
  someOrganisation: 'Jedna organizacija',
  notificationFooter: 'Ovu poruku primate jer imate ulogu u organizaciji koja u tome učestvuje u Pobratimu.',
  statuses: {
    draft: 'nacrt',
    open: 'otvoreno za partnere',
    shortlisting: 'uži izbor',
    partners_confirmed: 'partneri potvrđeni',
    submitted: 'predato',
    funded: 'finansirano',
    not_funded: 'nije finansirano',
    closed: 'zatvoreno',
    withdrawn: 'povučeno',
  },
};

const srCyrl: MailMessages = {
  resetSubject: 'Промена лозинке за Побратим',
  resetIntro: 'Неко, надамо се ви, затражио је промену лозинке вашег налога у Побратиму.',
  resetChoose: 'Овде изаберите нову лозинку (линк важи једном, {minutes} минута):',
  resetIgnore: 'Ако то нисте затражили, занемарите ову поруку: ваша лозинка остаје иста.',
  inviteSubject: 'Ваш позив у Побратим',
  inviteBy: '{name} вас позива',
  inviteAnonymous: 'Позвани сте',
  inviteWhat: 'у Побратим, регистар међународне сарадње градова, општина и региона.',
  inviteRoles: 'Ваш налог имаће ове улоге:',
  inviteAdmin: 'администратор Побратима',
  inviteRole: '{role} за {organisation}',
  inviteAccept: 'Овде изаберите име и лозинку да бисте прихватили позив (линк важи једном, до {until} UTC):',
  inviteIgnore: 'Ако нисте очекивали овај позив, занемарите ову поруку.',
  roles: { coordinator: 'координатор', editor: 'уредник', viewer: 'читалац' },
  interestReceivedSubject: 'Интересовање за „{title}”',
  interestReceivedLead:
    '{organisation} исказује интересовање за вашу иницијативу „{title}”. Прихватите га или одбијте на страници иницијативе.',
  interestAcceptedSubject: 'Ваше интересовање за „{title}” је прихваћено',
  interestDeclinedSubject: 'Ваше интересовање за „{title}” је одбијено',
  interestAcceptedLead: 'Интересовање организације {organisation} за иницијативу „{title}” је прихваћено.',
  interestDeclinedLead: 'Интересовање организације {organisation} за иницијативу „{title}” је одбијено.',
  statusChangedSubject: '„{title}”: {to}',
  statusChangedLead: 'Иницијатива „{title}” прешла је из стања „{from}” у стање „{to}”.',
  deadlineSubject: 'Рок за „{title}” је {deadline}',
  deadlineLead: 'Рок иницијативе „{title}” је {deadline}: за седам дана или мање.',
  someOrganisation: 'Једна организација',
  notificationFooter: 'Ову поруку примате јер имате улогу у организацији која у томе учествује у Побратиму.',
  statuses: {
    draft: 'нацрт',
    open: 'отворено за партнере',
    shortlisting: 'ужи избор',
    partners_confirmed: 'партнери потврђени',
    submitted: 'предато',
    funded: 'финансирано',
    not_funded: 'није финансирано',
    closed: 'затворено',
    withdrawn: 'повучено',
  },
};

const bs: MailMessages = {
  ...hr,
  resetSubject: 'Promjena lozinke za Pobratim',
  resetIntro: 'Neko, nadamo se vi, zatražio je promjenu lozinke vašeg računa u Pobratimu.',
  resetChoose: 'Ovdje odaberite novu lozinku (link važi jednom, {minutes} minuta):',
  inviteWhat: 'u Pobratim, registar međunarodne saradnje gradova, općina i regija.',
  inviteAccept: 'Ovdje odaberite ime i lozinku da biste prihvatili poziv (link važi jednom, do {until} UTC):',
  roles: { coordinator: 'koordinator', editor: 'urednik', viewer: 'čitalac' },
  interestReceivedSubject: 'Interes za „{title}”',
  notificationFooter: 'Ovu poruku primate jer imate ulogu u organizaciji koja u tome učestvuje u Pobratimu.',
  statuses: { ...hr.statuses, submitted: 'predano', funded: 'finansirano', not_funded: 'nije finansirano' },
};

const cnr: MailMessages = {
  ...srLatn,
  resetSubject: 'Promjena lozinke za Pobratim',
  resetIntro: 'Neko, nadamo se vi, zatražio je promjenu lozinke vašeg naloga u Pobratimu.',
  resetChoose: 'Ovdje izaberite novu lozinku (link važi jednom, {minutes} minuta):',
  inviteWhat: 'u Pobratim, registar međunarodne saradnje gradova, opština i regiona.',
  inviteAccept: 'Ovdje izaberite ime i lozinku da biste prihvatili poziv (link važi jednom, do {until} UTC):',
  statusChangedLead: 'Inicijativa „{title}” prešla je iz stanja „{from}” u stanje „{to}”.',
};

const bg: MailMessages = {
  resetSubject: 'Смяна на паролата ви за Побратим',
  resetIntro: 'Някой, надяваме се вие, поиска смяна на паролата на профила ви в Побратим.',
  resetChoose: 'Изберете нова парола тук (връзката важи веднъж, {minutes} минути):',
  resetIgnore: 'Ако не сте поискали това, не обръщайте внимание на писмото: паролата ви остава същата.',
  inviteSubject: 'Вашата покана за Побратим',
  inviteBy: '{name} ви кани',
  inviteAnonymous: 'Поканени сте',
  inviteWhat: 'в Побратим, регистъра на международното сътрудничество на градове, общини и региони.',
  inviteRoles: 'Профилът ви ще има тези роли:',
  inviteAdmin: 'администратор на Побратим',
  inviteRole: '{role} за {organisation}',
  inviteAccept: 'Изберете име и парола тук, за да приемете поканата (връзката важи веднъж, до {until} UTC):',
  inviteIgnore: 'Ако не сте очаквали тази покана, не обръщайте внимание на писмото.',
  roles: { coordinator: 'координатор', editor: 'редактор', viewer: 'читател' },
  interestReceivedSubject: 'Интерес към „{title}“',
  interestReceivedLead:
    '{organisation} изрази интерес към вашата инициатива „{title}“. Приемете или отхвърлете го на страницата на инициативата.',
  interestAcceptedSubject: 'Интересът ви към „{title}“ е приет',
  interestDeclinedSubject: 'Интересът ви към „{title}“ е отхвърлен',
  interestAcceptedLead: 'Интересът на {organisation} към инициативата „{title}“ е приет.',
  interestDeclinedLead: 'Интересът на {organisation} към инициативата „{title}“ е отхвърлен.',
  statusChangedSubject: '„{title}“: {to}',
  statusChangedLead: 'Инициативата „{title}“ премина от „{from}“ към „{to}“.',
  deadlineSubject: 'Срокът за „{title}“ е {deadline}',
  deadlineLead: 'Срокът на инициативата „{title}“ е {deadline}: след седем дни или по-малко.',
  someOrganisation: 'Организация',
  notificationFooter:
    'Получавате това писмо, защото имате роля в организация, която участва в това в Побратим.',
  statuses: {
    draft: 'чернова',
    open: 'отворена за партньори',
    shortlisting: 'подбор',
    partners_confirmed: 'потвърдени партньори',
    submitted: 'подадена',
    funded: 'финансирана',
    not_funded: 'нефинансирана',
    closed: 'закрита',
    withdrawn: 'оттеглена',
  },
};

const sl: MailMessages = {
  resetSubject: 'Ponastavitev gesla za Pobratim',
  resetIntro: 'Nekdo, upamo da vi, je zahteval ponastavitev gesla vašega računa v Pobratimu.',
  resetChoose: 'Novo geslo izberite tukaj (povezava velja enkrat, {minutes} minut):',
  resetIgnore: 'Če tega niste zahtevali, to sporočilo prezrite: vaše geslo ostane nespremenjeno.',
  inviteSubject: 'Vaše povabilo v Pobratim',
  inviteBy: '{name} vas vabi',
  inviteAnonymous: 'Povabljeni ste',
  inviteWhat: 'v Pobratim, register mednarodnega sodelovanja mest, občin in regij.',
  inviteRoles: 'Vaš račun bo imel te vloge:',
  inviteAdmin: 'skrbnik Pobratima',
  inviteRole: '{role} za {organisation}',
  inviteAccept: 'Tukaj izberite ime in geslo, da sprejmete povabilo (povezava velja enkrat, do {until} UTC):',
  inviteIgnore: 'Če tega povabila niste pričakovali, to sporočilo prezrite.',
  roles: { coordinator: 'koordinator', editor: 'urednik', viewer: 'bralec' },
  interestReceivedSubject: 'Zanimanje za »{title}«',
  interestReceivedLead:
    '{organisation} izraža zanimanje za vašo pobudo »{title}«. Sprejmite ali zavrnite ga na strani pobude.',
  interestAcceptedSubject: 'Vaše zanimanje za »{title}« je bilo sprejeto',
  interestDeclinedSubject: 'Vaše zanimanje za »{title}« je bilo zavrnjeno',
  interestAcceptedLead: 'Zanimanje organizacije {organisation} za pobudo »{title}« je bilo sprejeto.',
  interestDeclinedLead: 'Zanimanje organizacije {organisation} za pobudo »{title}« je bilo zavrnjeno.',
  statusChangedSubject: '»{title}«: {to}',
  statusChangedLead: 'Pobuda »{title}« je prešla iz stanja »{from}« v stanje »{to}«.',
  deadlineSubject: 'Rok za »{title}« je {deadline}',
  deadlineLead: 'Rok pobude »{title}« je {deadline}: čez sedem dni ali manj.',
  someOrganisation: 'Organizacija',
  notificationFooter:
    'To sporočilo prejemate, ker imate vlogo v organizaciji, ki pri tem sodeluje v Pobratimu.',
  statuses: {
    draft: 'osnutek',
    open: 'odprto za partnerje',
    shortlisting: 'ožji izbor',
    partners_confirmed: 'partnerji potrjeni',
    submitted: 'oddano',
    funded: 'financirano',
    not_funded: 'ni financirano',
    closed: 'zaprto',
    withdrawn: 'umaknjeno',
  },
};

const mk: MailMessages = {
  resetSubject: 'Промена на лозинката за Побратим',
  resetIntro: 'Некој, се надеваме вие, побара промена на лозинката на вашата сметка во Побратим.',
  resetChoose: 'Изберете нова лозинка тука (врската важи еднаш, {minutes} минути):',
  resetIgnore: 'Ако не сте го побарале ова, занемарете ја пораката: вашата лозинка останува иста.',
  inviteSubject: 'Вашата покана за Побратим',
  inviteBy: '{name} ве поканува',
  inviteAnonymous: 'Поканети сте',
  inviteWhat: 'во Побратим, регистарот на меѓународната соработка на градови, општини и региони.',
  inviteRoles: 'Вашата сметка ќе ги има овие улоги:',
  inviteAdmin: 'администратор на Побратим',
  inviteRole: '{role} за {organisation}',
  inviteAccept:
    'Изберете име и лозинка тука за да ја прифатите поканата (врската важи еднаш, до {until} UTC):',
  inviteIgnore: 'Ако не ја очекувавте оваа покана, занемарете ја пораката.',
  roles: { coordinator: 'координатор', editor: 'уредник', viewer: 'читател' },
  interestReceivedSubject: 'Интерес за „{title}“',
  interestReceivedLead:
    '{organisation} изрази интерес за вашата иницијатива „{title}“. Прифатете го или одбијте го на страницата на иницијативата.',
  interestAcceptedSubject: 'Вашиот интерес за „{title}“ е прифатен',
  interestDeclinedSubject: 'Вашиот интерес за „{title}“ е одбиен',
  interestAcceptedLead: 'Интересот на {organisation} за иницијативата „{title}“ е прифатен.',
  interestDeclinedLead: 'Интересот на {organisation} за иницијативата „{title}“ е одбиен.',
  statusChangedSubject: '„{title}“: {to}',
  statusChangedLead: 'Иницијативата „{title}“ премина од „{from}“ во „{to}“.',
  deadlineSubject: 'Рокот за „{title}“ е {deadline}',
  deadlineLead: 'Рокот на иницијативата „{title}“ е {deadline}: за седум дена или помалку.',
  someOrganisation: 'Една организација',
  notificationFooter:
    'Ја добивате оваа порака бидејќи имате улога во организација што учествува во тоа во Побратим.',
  statuses: {
    draft: 'нацрт',
    open: 'отворена за партнери',
    shortlisting: 'потесен избор',
    partners_confirmed: 'потврдени партнери',
    submitted: 'поднесена',
    funded: 'финансирана',
    not_funded: 'нефинансирана',
    closed: 'затворена',
    withdrawn: 'повлечена',
  },
};

const catalogues: Record<MailLocale, MailMessages> = {
  en,
  hr,
  'sr-Latn': srLatn,
  'sr-Cyrl': srCyrl,
  bs,
  cnr,
  bg,
  sl,
  mk,
};

/** The catalogue of a language; English for none or an unknown one. */
export function mailMessages(locale: string | null | undefined): MailMessages {
  return isMailLocale(locale) ? catalogues[locale] : catalogues.en;
}

/** Puts values into a message's `{name}` places; a place without a value stays as it is. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (place, name: string) =>
    name in values ? String(values[name]) : place,
  );
}
