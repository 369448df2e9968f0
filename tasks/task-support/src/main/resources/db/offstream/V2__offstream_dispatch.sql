-- Multi-region dispatch: a parent run split into child runs (each an offstream-run of its own
-- run key), where each child was placed and launched, and how it ended.

CREATE TABLE OFFSTREAM_DISPATCH (
    RUN_KEY          VARCHAR(100)  NOT NULL PRIMARY KEY,
    SERVICE          VARCHAR(100)  NOT NULL,
    DATASET          VARCHAR(2000) NOT NULL,
    FROM_DATE        DATE          NOT NULL,
    TO_DATE          DATE          NOT NULL,
    LANDING          VARCHAR(2000) NOT NULL,
    CHILD_DEFINITION VARCHAR(255)  NOT NULL,
    CHILD_COUNT      INT           NOT NULL,
    STATUS           VARCHAR(16)   NOT NULL,  -- RUNNING | PASSED | FAILED
    MESSAGE          VARCHAR(4000),
    CREATED_AT       TIMESTAMP     NOT NULL,
    UPDATED_AT       TIMESTAMP     NOT NULL
);

CREATE TABLE OFFSTREAM_DISPATCH_CHILD (
    RUN_KEY              VARCHAR(100)  NOT NULL,
    CHILD_INDEX          INT           NOT NULL,
    CHILD_RUN_KEY        VARCHAR(100)  NOT NULL,
    FROM_DATE            DATE          NOT NULL,
    TO_DATE              DATE          NOT NULL,
    STATUS               VARCHAR(16)   NOT NULL,  -- PLANNED | QUEUED | LAUNCHED | PASSED | FAILED
    REGION               VARCHAR(100),
    PLATFORM_ACCOUNT     VARCHAR(200),
    SCDF_URL             VARCHAR(1000),
    DEFINITION           VARCHAR(255),
    TASK_EXECUTION_ID    BIGINT,
    REGISTRY_DISPATCH_ID BIGINT,
    ATTEMPTS             INT           NOT NULL DEFAULT 0,
    MESSAGE              VARCHAR(4000),
    UPDATED_AT           TIMESTAMP     NOT NULL,
    PRIMARY KEY (RUN_KEY, CHILD_INDEX),
    CONSTRAINT UK_OFFSTREAM_DISPATCH_CHILD UNIQUE (CHILD_RUN_KEY),
    FOREIGN KEY (RUN_KEY) REFERENCES OFFSTREAM_DISPATCH (RUN_KEY)
);
