/** Time-zone suggestions for `/brief schedule set timezone:` autocomplete. */

/** Discord shows at most 25 autocomplete choices. */
export const MAX_CHOICES = 25;

let zones: string[] | undefined;

function allZones(): string[] {
  if (!zones) {
    const list = Intl.supportedValuesOf('timeZone');
    zones = list.includes('UTC') ? list : ['UTC', ...list];
  }
  return zones;
}

const normalize = (s: string) => s.toLowerCase().replace(/[_\s]+/g, ' ').trim();

/**
 * IANA zones matching what the user typed: zones whose name or city starts with it first,
 * then zones that contain it anywhere. Empty input lists the first zones alphabetically.
 * @param typed - the partial value from the autocomplete interaction
 */
export function suggestTimezones(typed: string): { name: string; value: string }[] {
  const query = normalize(typed);
  const ranked = allZones()
    .map((zone) => {
      const z = normalize(zone);
      const city = z.slice(z.lastIndexOf('/') + 1);
      const rank = z.startsWith(query) || city.startsWith(query) ? 0 : z.includes(query) ? 1 : 2;
      return { zone, rank };
    })
    .filter((m) => m.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone));
  return ranked.slice(0, MAX_CHOICES).map(({ zone }) => ({ name: zone, value: zone }));
}
