import { type AbstractControl, type ValidationErrors } from '@angular/forms';
import {
  isValidSiret,
  type SiteCapacity,
  type SiteInput,
  type SiteKind,
  type SiteRecord,
  type SiteStatus,
} from '@maillage/shared/domain';

/** The values of the site form (what the user edits), before they become an API body. */
export interface SiteFormValue {
  name: string;
  kind: SiteKind | null;
  status: SiteStatus;
  siret: string;
  addressLine1: string;
  addressLine2: string;
  communeCode: string | null;
  postalCode: string;
  latitude: number | null;
  longitude: number | null;
  housingOnSite: boolean;
  housingNearby: boolean;
  publicTransport: boolean;
  parking: boolean;
  distanceToChuKm: number | null;
  notes: string;
  capacities: SiteCapacity[];
}

export const EMPTY_SITE_FORM: SiteFormValue = {
  name: '',
  kind: null,
  status: 'prospect',
  siret: '',
  addressLine1: '',
  addressLine2: '',
  communeCode: null,
  postalCode: '',
  latitude: null,
  longitude: null,
  housingOnSite: false,
  housingNearby: false,
  publicTransport: false,
  parking: false,
  distanceToChuKm: null,
  notes: '',
  capacities: [],
};

export const POSTAL_CODE = /^\d{5}$/;

/** SIRET as the API checks it: 14 digits (spaces allowed) with a valid key; empty is fine. */
export function siretValidator(control: AbstractControl<string>): ValidationErrors | null {
  const digits = (control.value ?? '').replace(/\s+/g, '');
  if (digits === '') return null;
  if (!/^\d{14}$/.test(digits)) return { siretFormat: true };
  return isValidSiret(digits) ? null : { siretKey: true };
}

/** Latitude and longitude go together (or neither). */
export function coordinatesValidator(group: AbstractControl): ValidationErrors | null {
  const latitude = group.get('latitude')?.value as number | null | undefined;
  const longitude = group.get('longitude')?.value as number | null | undefined;
  const hasLatitude = latitude !== null && latitude !== undefined;
  const hasLongitude = longitude !== null && longitude !== undefined;
  return hasLatitude === hasLongitude ? null : { coordinatesPair: true };
}

export function formValueOf(site: SiteRecord): SiteFormValue {
  return {
    name: site.name,
    kind: site.kind,
    status: site.status,
    siret: site.siret ?? '',
    addressLine1: site.address.line1,
    addressLine2: site.address.line2 ?? '',
    communeCode: site.communeCode,
    postalCode: site.address.postalCode,
    latitude: site.latitude,
    longitude: site.longitude,
    housingOnSite: site.hosting.housingOnSite,
    housingNearby: site.hosting.housingNearby,
    publicTransport: site.hosting.publicTransport,
    parking: site.hosting.parking,
    distanceToChuKm: site.hosting.distanceToChuKm,
    notes: site.notes ?? '',
    capacities: site.capacities,
  };
}

/** The API body: trimmed text, empty optional fields as `null`. */
export function siteInputOf(value: SiteFormValue): SiteInput {
  const optional = (text: string) => text.trim() || null;
  return {
    name: value.name.trim(),
    kind: value.kind as SiteKind,
    status: value.status,
    siret: optional(value.siret.replace(/\s+/g, '')),
    addressLine1: value.addressLine1.trim(),
    addressLine2: optional(value.addressLine2),
    communeCode: value.communeCode as string,
    postalCode: value.postalCode.trim(),
    latitude: value.latitude,
    longitude: value.longitude,
    housingOnSite: value.housingOnSite,
    housingNearby: value.housingNearby,
    publicTransport: value.publicTransport,
    parking: value.parking,
    distanceToChuKm: value.distanceToChuKm,
    notes: optional(value.notes),
    capacities: value.capacities,
  };
}
