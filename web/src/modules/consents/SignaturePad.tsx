import { Button, Group, Input, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import SignaturePadLib from 'signature_pad';
import { useT } from '../../i18n/I18nProvider.tsx';

/**
 * A signature drawn with a finger, stylus or mouse (the maintained `signature_pad` library, MIT).
 * It hands back a PNG data URL, stored with the consent itself, or null when cleared.
 */
export function SignaturePad({ onChange, error }: { onChange: (image: string | null) => void; error?: string | null }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadLib | null>(null);
  const [drawn, setDrawn] = useState(false);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // Sized in device pixels, so the stroke is sharp on a tablet; cleared when resized.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const instance = new SignaturePadLib(element, { penColor: '#1a1b1e', backgroundColor: 'rgb(255,255,255)' });
    instance.addEventListener('endStroke', () => {
      setDrawn(true);
      changed.current(instance.toDataURL('image/png'));
    });
    pad.current = instance;
    return () => instance.off();
  }, []);

  const clear = () => {
    pad.current?.clear();
    setDrawn(false);
    onChange(null);
  };

  return (
    <Input.Wrapper label={t('signature.label')} error={error} required>
      <canvas
        ref={canvas}
        role="img"
        aria-label={t('signature.canvas')}
        data-testid="signature-canvas"
        style={{
          display: 'block',
          width: '100%',
          height: 160,
          border: '1px solid var(--mantine-color-gray-5)',
          borderRadius: 4,
          touchAction: 'none',
          background: 'white',
        }}
      />
      <Group justify="space-between" mt={4}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {drawn ? t('signature.drawn') : t('signature.empty')}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={clear} disabled={!drawn}>
          {t('signature.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
