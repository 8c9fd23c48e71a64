/** Records chosen in a form's pickers: enough to send the id and to show what was chosen. */

export interface PickedOrganisation {
  id: string;
  name: string;
  country?: string | null;
}

export interface PickedProject {
  id: string;
  title: string;
}

export interface PickedSource {
  id: string;
  title: string;
}

/** A record's source as a picker's choice. */
export function pickedSource(source: { id: string; title: string } | null): PickedSource | null {
  return source && { id: source.id, title: source.title };
}

/** An organisation summary as a picker's choice. */
export function pickedOrganisation(organisation: {
  id: string;
  name: string;
  country: string | null;
}): PickedOrganisation {
  return { id: organisation.id, name: organisation.name, country: organisation.country };
}
