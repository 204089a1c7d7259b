import { z } from "zod";
import { ERASED, personal } from "./personalData.ts";

/**
 * An entity id in the customers area: 1 to 128 characters.
 *
 * @example
 * ```ts
 * customerIdSchema.parse("cu-1");
 * ```
 */
export const customerIdSchema = z.string().min(1).max(128);

/**
 * A short code such as a segment, tag, industry or region: 1 to 64 lowercase letters, digits, `_`, `-` or `.`.
 *
 * @example
 * ```ts
 * codeSchema.parse("enterprise"); // ok
 * codeSchema.safeParse("Big Deal").success; // false
 * ```
 */
export const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, {
  message: "a code is 1-64 lowercase letters, digits, '_', '-' or '.', starting with a letter or digit",
});

/**
 * An email address (personal). The erasure marker is accepted too, so erased events stay valid.
 *
 * @example
 * ```ts
 * emailSchema.parse("li.wei@example.com");
 * ```
 */
export const emailSchema = personal(
  z
    .string()
    .max(320)
    .refine((s) => s === ERASED || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: "expected an email address" }),
);

/**
 * A phone number (personal): 1 to 40 characters.
 *
 * @example
 * ```ts
 * phoneSchema.parse("+86 21 5555 0100");
 * ```
 */
export const phoneSchema = personal(z.string().min(1).max(40));

/**
 * A contact person at a customer. Name, email and phone are personal data.
 *
 * @example
 * ```ts
 * const c: Contact = { contactId: "ct-1", name: "Li Wei", role: "buyer", email: "li.wei@example.com" };
 * ```
 */
export const contactSchema = z.strictObject({
  contactId: customerIdSchema,
  name: personal(z.string().min(1).max(200)),
  role: codeSchema.optional(),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
});

/**
 * A contact person at a customer.
 *
 * @example
 * ```ts
 * const c: Contact = { contactId: "ct-1", name: "Li Wei" };
 * ```
 */
export type Contact = z.infer<typeof contactSchema>;

/**
 * The channels a customer can be reached through.
 *
 * @example
 * ```ts
 * channelSchema.parse("visit");
 * ```
 */
export const channelSchema = z.enum(["call", "meeting", "email", "visit", "message"]);

/**
 * A customer's preferences: the channel and language they prefer, the products or categories they are interested
 * in, and whether they must not be contacted for marketing.
 *
 * @example
 * ```ts
 * const p: CustomerPreferences = { preferredChannel: "email", language: "zh-CN", interests: ["erp"], doNotContact: false };
 * ```
 */
export const preferencesSchema = z.strictObject({
  preferredChannel: channelSchema.optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "expected a BCP 47 language tag such as zh-CN" })
    .optional(),
  interests: z.array(codeSchema).max(50).optional(),
  doNotContact: z.boolean().optional(),
});

/**
 * A customer's preferences.
 *
 * @example
 * ```ts
 * const p: CustomerPreferences = { doNotContact: true };
 * ```
 */
export type CustomerPreferences = z.infer<typeof preferencesSchema>;

/**
 * The most tags a customer can carry.
 *
 * @example
 * ```ts
 * MAX_TAGS; // 50
 * ```
 */
export const MAX_TAGS = 50;
