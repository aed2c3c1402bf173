// The phone's camera reading QR codes, shared by the congress check-in desk and the study session scanner:
// BarcodeDetector where the browser has it, else qr-scanner (loaded only when the camera is opened).
import { Alert, Button, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

export interface QrScannerLabels {
  /** the video's accessible name */
  camera: string;
  /** shown (with the browser's reason) when the camera cannot be opened */
  error: string;
  close: string;
}

/** the same code held in front of the camera is reported once every 3 seconds */
const REPEAT_MS = 3000;

export function QrScanner({ onCode, onClose, labels }: { onCode: (text: string) => void; onClose: () => void; labels: QrScannerLabels }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    let stopped = false;
    let stop: () => void = () => undefined;
    const lastSeen = { text: '', at: 0 };
    const found = (text: string) => {
      if (text === lastSeen.text && Date.now() - lastSeen.at < REPEAT_MS) return;
      lastSeen.text = text;
      lastSeen.at = Date.now();
      handler.current(text);
    };
    (async () => {
      const el = video.current!;
      const Detector = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => { detect(v: HTMLVideoElement): Promise<{ rawValue: string }[]> } }).BarcodeDetector;
      try {
        if (Detector) {
          const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
          if (stopped) return stream.getTracks().forEach((tr) => tr.stop());
          el.srcObject = stream;
          await el.play();
          const detector = new Detector({ formats: ['qr_code'] });
          const timer = setInterval(async () => {
            try {
              const codes = await detector.detect(el);
              if (codes[0]) found(codes[0].rawValue);
            } catch {
              // a frame not ready
            }
          }, 300);
          stop = () => {
            clearInterval(timer);
            stream.getTracks().forEach((tr) => tr.stop());
          };
        } else {
          const QrScannerLib = (await import('qr-scanner')).default;
          if (stopped) return;
          const scanner = new QrScannerLib(el, (r) => found(r.data), { preferredCamera: 'environment', highlightScanRegion: true, returnDetailedScanResult: true });
          await scanner.start();
          stop = () => scanner.destroy();
        }
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      stopped = true;
      stop();
    };
  }, []);

  return (
    <Stack gap="xs">
      <video ref={video} muted playsInline aria-label={labels.camera} style={{ width: '100%', maxHeight: 360, background: '#000', borderRadius: 4 }} />
      {error && (
        <Alert color="red" variant="light" role="alert">
          {labels.error} ({error})
        </Alert>
      )}
      <Button variant="default" onClick={onClose}>
        {labels.close}
      </Button>
    </Stack>
  );
}
