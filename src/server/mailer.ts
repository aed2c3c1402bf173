// E-mail, when SMTP is configured (DAIHOI_SMTP_URL, DAIHOI_MAIL_FROM): one transport per process, through nodemailer.
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from './config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** null when no SMTP server is configured: reminders stay in-app */
export function createMailer(config: Pick<AppConfig, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  const from = config.mailFrom ?? 'daihoi <daihoi@localhost>';
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, textEncoding: 'base64' });
    },
    close: () => transport.close(),
  };
}
