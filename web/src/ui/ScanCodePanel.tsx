// The "scan the card" panel of the congress check-in desk and the study session scanner: the phone's camera reads the
// card's QR code, or the code printed under it is typed when the camera cannot read it.
import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { QrScanner } from './QrScanner';

export interface ScanCodeLabels {
  title: string;
  openCamera: string;
  /** the video's accessible name, the camera error, the button that closes it */
  camera: string;
  cameraError: string;
  closeCamera: string;
  code: string;
  codeHint: string;
  submit: string;
}

export function ScanCodePanel({
  labels,
  code,
  onCodeChange,
  onCode,
  loading,
  plainText = false,
}: {
  labels: ScanCodeLabels;
  /** the typed code: the page clears it once the code is recorded */
  code: string;
  onCodeChange: (code: string) => void;
  /** a code read by the camera or submitted by hand */
  onCode: (text: string) => void;
  loading: boolean;
  /** the code is not a word: no capitals or spelling help from the phone's keyboard */
  plainText?: boolean;
}) {
  const [scanning, setScanning] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {labels.title}
        </Title>
        {scanning ? (
          <QrScanner onCode={onCode} onClose={() => setScanning(false)} labels={{ camera: labels.camera, error: labels.cameraError, close: labels.closeCamera }} />
        ) : (
          <Button onClick={() => setScanning(true)}>{labels.openCamera}</Button>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onCode(code);
          }}
        >
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={labels.code}
              description={labels.codeHint}
              value={code}
              onChange={(e) => onCodeChange(e.currentTarget.value)}
              style={{ flex: 1 }}
              autoComplete="off"
              {...(plainText ? { autoCapitalize: 'off', spellCheck: false } : {})}
            />
            <Button type="submit" variant="light" loading={loading}>
              {labels.submit}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
