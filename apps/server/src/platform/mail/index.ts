/** Outgoing email: queued in a transaction, sent by a durable job through the SMTP relay. */
export { queueMail, mailJobs, closeMail, sendMailJob, OutgoingMail } from './send-mail.ts';
