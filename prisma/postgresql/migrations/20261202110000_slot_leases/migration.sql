-- CreateTable
CREATE TABLE "SlotLease" (
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlotLease_pkey" PRIMARY KEY ("key")
);
