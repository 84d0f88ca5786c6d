import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SignatureInput } from '../../schema/actions.ts';
import { currentGoal } from '../../schema/goal.ts';
import { LIMITS, POSTCODE_PATTERN } from '../../schema/limits.ts';

describe('the widgets constraints and the server schema agree', () => {
  // The widgets use LIMITS for maxlength and POSTCODE_PATTERN for pattern; zod's JSON Schema is the server's truth.
  const json = z.toJSONSchema(SignatureInput, { io: 'input' }) as unknown as {
    properties: {
      person: { properties: Record<string, { maxLength?: number; pattern?: string }> };
      comment: { maxLength?: number };
    };
  };
  const person = json.properties.person.properties;

  it('on lengths', () => {
    expect(person.givenName.maxLength).toBe(LIMITS.name);
    expect(person.familyName.maxLength).toBe(LIMITS.name);
    expect(person.email.maxLength).toBe(LIMITS.email);
    expect(person.postcode.maxLength).toBe(LIMITS.postcode);
    expect(json.properties.comment.maxLength).toBe(LIMITS.comment);
  });

  it('on the postcode pattern', () => {
    expect(person.postcode.pattern).toBe(`^${POSTCODE_PATTERN}$`);
  });
});

describe('the thermometer goal', () => {
  it('is the campaign goal until it is passed, then the next 1-2.5-5 step', () => {
    expect(currentGoal(0, 500)).toBe(500);
    expect(currentGoal(499, 500)).toBe(500);
    expect(currentGoal(500, 500)).toBe(1000);
    expect(currentGoal(1000, 500)).toBe(2500);
    expect(currentGoal(26_000, 500)).toBe(50_000);
    expect(currentGoal(0)).toBe(10);
    expect(currentGoal(12)).toBe(25);
  });
});
