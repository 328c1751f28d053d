/**
 * The names one place goes by in other languages ("Bayern", "Bavaria", "Bavière"), so that
 * "named with its city or region" (lib/matcher/evidence.ts) also counts when a page writes the
 * place in its own language: an English page says "Catalonia" of an organisation the dataset
 * places in "Catalunya", a Bulgarian one "София" where the dataset has "Sofia".
 *
 * Facts of language, not of the dataset: each group is one place's ordinary names in the UI
 * languages (en, de, fr, es, it, pl) and its own, from common knowledge. Only places the dataset
 * names (and a few the issue gives as examples) are listed, and only names that mean that place
 * and nothing else a page would capitalise: "Frankfurt" alone (also on the Oder), Polish
 * "Galicja" (a historical region of Poland and Ukraine) or "Hesse" (a writer) are left out.
 * A place is only ever evidence for an alias that needs it, never a detection by itself.
 */
import { normalizeString } from '../matcher/normalize';

const PLACE_NAMES: readonly (readonly string[])[] = [
  // Countries' regions and cities of the dataset, the dataset's own spelling first.
  ['Bayern', 'Bavaria', 'Bavière', 'Baviera', 'Bawaria'],
  ['Sachsen', 'Saxony', 'Saxe', 'Sajonia', 'Sassonia', 'Saksonia'],
  [
    'Niedersachsen',
    'Lower Saxony',
    'Basse-Saxe',
    'Baja Sajonia',
    'Bassa Sassonia',
    'Dolna Saksonia',
  ],
  [
    'Sachsen-Anhalt',
    'Saxony-Anhalt',
    'Saxe-Anhalt',
    'Sajonia-Anhalt',
    'Sassonia-Anhalt',
    'Saksonia-Anhalt',
  ],
  ['Thüringen', 'Thuringia', 'Thuringe', 'Turingia', 'Turyngia'],
  [
    'Nordrhein-Westfalen',
    'North Rhine-Westphalia',
    'Rhénanie-du-Nord-Westphalie',
    'Renania del Norte-Westfalia',
    'Renania Settentrionale-Vestfalia',
    'Nadrenia Północna-Westfalia',
  ],
  [
    'Rheinland-Pfalz',
    'Rhineland-Palatinate',
    'Rhénanie-Palatinat',
    'Renania-Palatinado',
    'Renania-Palatinato',
    'Nadrenia-Palatynat',
  ],
  ['Brandenburg', 'Brandebourg', 'Brandeburgo', 'Brandenburgia'],
  ['Berlin', 'Berlino', 'Berlín'],
  ['Hamburg', 'Hambourg', 'Hamburgo', 'Amburgo'],
  ['Nürnberg', 'Nuremberg', 'Núremberg', 'Norimberga', 'Norymberga'],
  ['Franken', 'Franconia', 'Franconie', 'Frankonia'],
  ['Oberösterreich', 'Upper Austria', 'Haute-Autriche', 'Alta Austria', 'Górna Austria'],
  [
    'Niederösterreich',
    'Lower Austria',
    'Basse-Autriche',
    'Baja Austria',
    'Bassa Austria',
    'Dolna Austria',
  ],
  ['Steiermark', 'Styria', 'Styrie', 'Estiria', 'Stiria'],
  ['Kärnten', 'Carinthia', 'Carinthie', 'Carintia', 'Carinzia', 'Karyntia'],
  ['Tirol', 'Tyrol', 'Tirolo'],
  ['Wien', 'Vienna', 'Vienne', 'Viena', 'Wiedeń'],
  ['Basel', 'Bâle', 'Basilea', 'Bazylea'],
  ['Bern', 'Berne', 'Berna'],
  ['Zentralschweiz', 'Central Switzerland', 'Suisse centrale', 'Svizzera centrale'],
  ['Brussels Region', 'Brussels', 'Bruxelles', 'Brüssel', 'Brussel', 'Bruselas', 'Bruksela'],
  ['Vlaanderen', 'Flanders', 'Flandern', 'Flandre', 'Flandes', 'Fiandre', 'Flandria'],
  ['Wallonie', 'Wallonia', 'Wallonien', 'Valonia', 'Vallonia', 'Walonia', 'Wallonië'],
  ['Catalunya', 'Catalonia', 'Cataluña', 'Katalonien', 'Catalogne', 'Catalogna', 'Katalonia'],
  ['Andalucía', 'Andalusia', 'Andalusien', 'Andalousie', 'Andaluzja'],
  ['Aragón', 'Aragon', 'Aragonien', 'Aragona', 'Aragonia'],
  [
    'País Vasco',
    'Basque Country',
    'Euskadi',
    'Baskenland',
    'Pays basque',
    'Paesi Baschi',
    'Kraj Basków',
  ],
  ['Navarra', 'Navarre', 'Nafarroa'],
  [
    'Canarias',
    'Canary Islands',
    'Islas Canarias',
    'Kanarische Inseln',
    'Canaries',
    'Isole Canarie',
    'Wyspy Kanaryjskie',
  ],
  ['Comunitat Valenciana', 'Comunidad Valenciana', 'Valencian Community', 'Communauté valencienne'],
  ['Asturias', 'Asturien', 'Asturies'],
  ['Galicia', 'Galicien', 'Galice', 'Galiza'],
  ['Bretagne', 'Brittany', 'Bretaña', 'Bretagna', 'Bretania'],
  ['Normandie', 'Normandy', 'Normandía', 'Normandia'],
  ['Piemonte', 'Piedmont', 'Piemont', 'Piémont', 'Piamonte'],
  ['Lombardia', 'Lombardy', 'Lombardei', 'Lombardie', 'Lombardía'],
  ['Liguria', 'Ligurien', 'Ligurie'],
  ['Puglia', 'Apulia', 'Apulien', 'Pouilles'],
  ['Torino', 'Turin', 'Turín', 'Turyn'],
  ['Bologna', 'Bologne', 'Bolonia'],
  ['Scotland', 'Schottland', 'Écosse', 'Escocia', 'Scozia', 'Szkocja'],
  ['Kraków', 'Cracow', 'Krakau', 'Cracovie', 'Cracovia'],
  [
    'Małopolskie',
    'Małopolska',
    'Lesser Poland',
    'Kleinpolen',
    'Petite-Pologne',
    'Pequeña Polonia',
    'Piccola Polonia',
  ],
  ['Podkarpackie', 'Podkarpacie', 'Subcarpathia', 'Subcarpathian'],
  ['Mazowieckie', 'Mazowsze', 'Masovia', 'Mazovia', 'Masowien', 'Mazovie'],
  ['Moravskoslezský kraj', 'Moravian-Silesian Region', 'Moravskoslezsko'],
  ['Jihomoravský kraj', 'South Moravian Region', 'Jižní Morava', 'Südmähren'],
  ['Košice', 'Kaschau', 'Kassa', 'Koszyce'],
  ['Ljubljana', 'Laibach', 'Lubiana', 'Liubliana', 'Lublana'],
  ['București-Ilfov', 'București', 'Bucharest', 'Bukarest', 'Bucarest', 'Bukareszt'],
  ['Cluj-Napoca', 'Kolozsvár', 'Klausenburg'],
  ['Sfântu Gheorghe', 'Sepsiszentgyörgy'],
  ['Attiki', 'Attica', 'Αττική', 'Attika', 'Attique', 'Ática', 'Attyka'],
  ['İstanbul', 'Istanbul', 'Estambul', 'Stambuł'],
  ['Oulu', 'Uleåborg'],
  ['Turku', 'Åbo'],
  ['Pohjois-Pohjanmaa', 'North Ostrobothnia', 'Norra Österbotten'],
  // Places of the Cyrillic-writing countries, in their own script as well.
  ['Sofia', 'София', 'Sofía', 'Sofija'],
  ['Vojvodina', 'Војводина', 'Vajdaság', 'Woiwodina', 'Voïvodine', 'Wojwodina'],
  ['Štip', 'Штип'],
  ['Mostar', 'Мостар'],
  ['Zaporizhzhia', 'Запоріжжя', 'Zaporizhia', 'Saporischschja', 'Zaporojie', 'Zaporoże'],
  ['Kharkiv', 'Харків', 'Charkiw', 'Kharkov', 'Charków'],
  ['Lviv', 'Львів', 'Lemberg', 'Lwów', 'Leópolis'],
  ['Odesa', 'Одеса', 'Odessa'],
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of PLACE_NAMES) {
  for (const name of group) GROUP_OF.set(normalizeString(name), group);
}

/** The other names of `place` (as the dataset writes it), in no particular order; [] if none. */
export function otherNamesOf(place: string): string[] {
  const key = normalizeString(place);
  const group = GROUP_OF.get(key);
  return group ? group.filter((name) => normalizeString(name) !== key) : [];
}

/** `places` followed by every other name of each, once each (by normal form). */
export function withOtherNames(places: readonly string[]): string[] {
  const out = [...places];
  const seen = new Set(places.map((place) => normalizeString(place)));
  for (const place of places) {
    for (const name of otherNamesOf(place)) {
      const key = normalizeString(name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** Every group, for tests. */
export function placeNameGroups(): readonly (readonly string[])[] {
  return PLACE_NAMES;
}
