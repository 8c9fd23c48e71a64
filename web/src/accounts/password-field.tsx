import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';
import { useT } from '../i18n/use-t';

/**
 * A password input whose description and error are tied to the field for screen readers (Mantine's
 * PasswordInput leaves `aria-describedby` and `aria-invalid` off its input), with a named button that
 * shows the password.
 */
export function PasswordField({ id: givenId, error, description, ...props }: PasswordInputProps) {
  const t = useT();
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const describedBy = [description ? `${id}-description` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <PasswordInput
      {...props}
      id={id}
      error={error}
      description={description}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('auth.password.show') }}
    />
  );
}
