/** The two text formats Discord's ids and keys come in, checked the same way everywhere. */

/** A Discord id (snowflake) as the API sends it: decimal digits of a 64-bit number. */
const SNOWFLAKE = /^\d{1,20}$/;
const HEX = /^[0-9a-fA-F]*$/;

export function isSnowflake(value: string): boolean {
  return SNOWFLAKE.test(value);
}

/** Exactly `length` hexadecimal characters, either case (a public key, a signature). */
export function isHex(value: string, length: number): boolean {
  return value.length === length && HEX.test(value);
}
