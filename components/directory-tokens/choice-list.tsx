"use client";

import { cn } from "@/lib/cn";

/** A radio group of a few labelled options, reachable by role and label. */
export function ChoiceList<T extends string | number>({
  legend,
  name,
  choices,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  choices: readonly { value: T; label: string; hint?: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <label
            key={id}
            htmlFor={id}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm transition-colors hover:bg-accent",
              value === choice.value && "border-primary bg-accent",
            )}
          >
            <input id={id} type="radio" name={name} className="mt-0.5 accent-primary" checked={value === choice.value} onChange={() => onChange(choice.value)} />
            <span>
              <span className="font-medium">{choice.label}</span>
              {choice.hint && <span className="block text-muted-foreground">{choice.hint}</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
