import type { InputHTMLAttributes } from 'react';

type Props = Readonly<
  {
    id: string;
    label: string;
    value: string;
    onChange: (value: string) => void;
    /** Added to the wrapper's `field` class. */
    className?: string;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'>
>;

/** A labelled text input in a `field` wrapper: the label names the input (`htmlFor` → `id`). */
export function TextField({ id, label, value, onChange, className, type = 'text', ...input }: Props) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
