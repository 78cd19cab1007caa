/**
 * In-memory records behind the Connect emulator. They mirror the wire shapes of the contract
 * (`../shared/contracts/README.md` §1.4) but hold file content as bytes and dates as `Date`.
 */

/** Item categories Connect accepts (OpenAPI `Item.category`). */
export const ITEM_CATEGORIES = [
  'LOGIN',
  'PASSWORD',
  'API_CREDENTIAL',
  'SERVER',
  'DATABASE',
  'CREDIT_CARD',
  'MEMBERSHIP',
  'PASSPORT',
  'SOFTWARE_LICENSE',
  'OUTDOOR_LICENSE',
  'SECURE_NOTE',
  'WIRELESS_ROUTER',
  'BANK_ACCOUNT',
  'DRIVER_LICENSE',
  'IDENTITY',
  'REWARD_PROGRAM',
  'DOCUMENT',
  'EMAIL_ACCOUNT',
  'SOCIAL_SECURITY_NUMBER',
  'MEDICAL_RECORD',
  'SSH_KEY',
  'CUSTOM',
] as const;

/** One item category. */
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** Field types the emulator emits (`OTP`, not the spec's `TOTP`, as both SDKs expect). */
export type FieldType =
  'STRING' | 'EMAIL' | 'CONCEALED' | 'URL' | 'OTP' | 'DATE' | 'MONTH_YEAR' | 'MENU' | string;

/** Field purposes (`""` means none). */
export type FieldPurpose = '' | 'USERNAME' | 'PASSWORD' | 'NOTES';

/** A vault and the items it holds (keyed by item id, in insertion order). */
export interface VaultRecord {
  readonly id: string;
  name: string;
  description: string;
  type: 'USER_CREATED' | 'PERSONAL' | 'EVERYONE' | 'TRANSFER';
  attributeVersion: number;
  contentVersion: number;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly items: Map<string, ItemRecord>;
}

/** A section of an item. */
export interface SectionRecord {
  id: string;
  label?: string;
}

/** A field of an item. `value` undefined means the key is omitted on the wire. */
export interface FieldRecord {
  id: string;
  type: FieldType;
  purpose?: FieldPurpose;
  label?: string;
  value?: string;
  sectionId?: string;
  generate?: boolean;
  recipe?: unknown;
}

/** A file attached to an item; content is raw bytes. */
export interface FileRecord {
  id: string;
  name: string;
  content: Uint8Array;
  sectionId?: string;
}

/** A URL of an item. */
export interface UrlRecord {
  href: string;
  label?: string;
  primary?: boolean;
}

/** An item (FullItem) with its bookkeeping. */
export interface ItemRecord {
  readonly id: string;
  vaultId: string;
  title: string;
  category: string;
  tags: string[];
  urls: UrlRecord[];
  favorite: boolean;
  version: number;
  readonly createdAt: Date;
  updatedAt: Date;
  lastEditedBy: string;
  sections: SectionRecord[];
  fields: FieldRecord[];
  files: FileRecord[];
}
